namespace ProtocolEngine.Engine.Reporting;

/// <summary>
/// Experimental against control at one visit occurrence in one analysis set: each arm's rate with its interval,
/// the difference (experimental - control) with its interval, and against the margin the Farrington-Manning test
/// and the conclusion. Every estimate is null when a denominator is 0 ("not estimable").
/// </summary>
public sealed record VisitComparison
{
    public string Visit { get; init; } = "";
    public int Occurrence { get; init; }
    public string Label { get; init; } = "";

    /// <summary>The endpoint's time point: the main analysis.</summary>
    public bool IsTimePoint { get; init; }
    public ArmRate Experimental { get; init; } = new();
    public ArmRate Control { get; init; } = new();
    public double? Difference { get; init; }
    public double? DifferenceLower { get; init; }
    public double? DifferenceUpper { get; init; }

    /// <summary>Farrington-Manning score statistic against the margin (null without a margin or a denominator).</summary>
    public double? FarringtonManningZ { get; init; }

    /// <summary>Its one-sided p-value.</summary>
    public double? FarringtonManningP { get; init; }
    public NonInferiorityConclusion Conclusion { get; init; }

    /// <summary>Why an estimate is missing although both arms have a denominator (the plugin refused the table), else null.</summary>
    public string? Note { get; init; }
}
