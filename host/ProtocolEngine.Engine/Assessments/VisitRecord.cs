using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Assessments;

/// <summary>A visit occurrence recorded as done (by an assessment) or missed.</summary>
public sealed record VisitRecord : IRecord
{
    public static string Collection => "visits";
    public string Id { get; init; } = "";
    public string ParticipantId { get; init; } = "";
    string? IRecord.ParticipantId => ParticipantId;
    public string VisitId { get; init; } = "";
    public int Occurrence { get; init; }
    public DateOnly Date { get; init; }
    public bool Missed { get; init; }
    public string ProtocolHash { get; init; } = "";
}
