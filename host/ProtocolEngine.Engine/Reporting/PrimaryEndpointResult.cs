namespace ProtocolEngine.Engine.Reporting;

/// <summary>The primary endpoint (pain relief rate) per arm, the difference and the non-inferiority conclusion, in each analysis set.</summary>
public sealed record PrimaryEndpointResult
{
    public string Endpoint { get; init; } = "";
    public string Label { get; init; } = "";
    public string Definition { get; init; } = "";
    public string Baseline { get; init; } = "";

    /// <summary>The visit of the main analysis (the endpoint's time_point), when the protocol names one.</summary>
    public string? TimePoint { get; init; }
    public string ExperimentalArm { get; init; } = "";
    public string ControlArm { get; init; } = "";

    /// <summary>The non-inferiority margin on experimental - control, when the plan has one.</summary>
    public double? Margin { get; init; }
    public double ConfidenceLevel { get; init; }

    /// <summary>The analysis set the primary hypothesis is tested in.</summary>
    public string? PrimarySet { get; init; }
    public IReadOnlyList<AnalysisSetResult> Sets { get; init; } = [];
}
