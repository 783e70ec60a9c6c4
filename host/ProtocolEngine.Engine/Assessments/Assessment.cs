using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Assessments;

/// <summary>A pain assessment at a visit: worst pain NRS 0-10 and analgesics as oral morphine equivalent daily dose.</summary>
public sealed record Assessment : IRecord
{
    public static string Collection => "assessments";
    public string Id { get; init; } = "";
    public string ParticipantId { get; init; } = "";
    string? IRecord.ParticipantId => ParticipantId;
    public string VisitId { get; init; } = "";
    public int Occurrence { get; init; }
    public DateOnly Date { get; init; }
    public int WorstPain { get; init; }
    public IReadOnlyList<AnalgesicDose> Analgesics { get; init; } = [];
    public double OmedMg { get; init; }
    public string ProtocolHash { get; init; } = "";
}
