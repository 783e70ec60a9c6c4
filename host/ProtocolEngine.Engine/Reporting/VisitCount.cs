namespace ProtocolEngine.Engine.Reporting;

/// <summary>Participants with an assessment at one visit occurrence.</summary>
public sealed record VisitCount
{
    public string Visit { get; init; } = "";
    public int Occurrence { get; init; }

    /// <summary>Short name for tables and chart axes (the visit id, or "month12" for a repeat).</summary>
    public string Label { get; init; } = "";
    public int Count { get; init; }
}
