namespace ProtocolEngine.Engine.Scheduling;

/// <summary>One occurrence of a scheduled visit for a participant: target date, window and status.</summary>
public sealed record VisitOccurrence
{
    public string ParticipantId { get; init; } = "";
    public string VisitId { get; init; } = "";
    public string Label { get; init; } = "";
    public int Occurrence { get; init; }
    public DateOnly Target { get; init; }
    public DateOnly WindowStart { get; init; }
    public DateOnly WindowEnd { get; init; }
    public VisitStatus Status { get; init; }

    /// <summary>True when the anchor date is projected (radiotherapy not finished yet).</summary>
    public bool Projected { get; init; }
}
