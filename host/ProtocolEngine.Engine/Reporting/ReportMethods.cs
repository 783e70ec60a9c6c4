namespace ProtocolEngine.Engine.Reporting;

/// <summary>The methods behind the numbers, for the report's footnotes: each named as the plugins and the plan name it.</summary>
public sealed record ReportMethods
{
    public string PainResponsePlugin { get; init; } = "";
    public string StatisticsPlugin { get; init; } = "";

    /// <summary>The one-proportion interval, e.g. "Wilson score".</summary>
    public string RateInterval { get; init; } = "";

    /// <summary>The interval of the difference, e.g. "Miettinen-Nurminen score".</summary>
    public string DifferenceInterval { get; init; } = "";

    /// <summary>The non-inferiority test, e.g. "Farrington-Manning score test, one-sided".</summary>
    public string NonInferiorityTest { get; init; } = "";

    /// <summary>How the interval and the tests were chosen from the statistics plan.</summary>
    public string Choice { get; init; } = "";
    public double Alpha { get; init; }
    public string Sides { get; init; } = "";

    /// <summary>The plan's own statement of its method (statistics.method).</summary>
    public string? PlanMethod { get; init; }
    public string AdverseEventTest { get; init; } = "";
    public IReadOnlyList<SetDefinition> AnalysisSets { get; init; } = [];
}
