namespace ProtocolEngine.Engine.Reporting;

/// <summary>The pain relief rate in one analysis set at each assessment visit.</summary>
public sealed record AnalysisSetResult
{
    public string Set { get; init; } = "";
    public string Label { get; init; } = "";
    public string Description { get; init; } = "";

    /// <summary>True for the plan's primary analysis set.</summary>
    public bool Primary { get; init; }
    public IReadOnlyList<VisitComparison> Visits { get; init; } = [];
}
