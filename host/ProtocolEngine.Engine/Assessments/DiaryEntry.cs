using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Assessments;

/// <summary>One day of the patient's diary: worst pain NRS 0-10 and the analgesics of the last 24 h (as OMED).</summary>
public sealed record DiaryEntry : IRecord
{
    public static string Collection => "diary";
    public string Id { get; init; } = "";
    public string ParticipantId { get; init; } = "";
    string? IRecord.ParticipantId => ParticipantId;
    public DateOnly Date { get; init; }
    public int WorstPain { get; init; }
    public IReadOnlyList<AnalgesicDose> Analgesics { get; init; } = [];
    public double OmedMg { get; init; }
    public string ProtocolHash { get; init; } = "";
}
