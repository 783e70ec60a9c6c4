using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace ProtocolEngine.Engine.Model;

[Description("The statistics plan.")]
public sealed record StatisticsPlan
{
    [Description("The statistics plugin that computes sample size and analyses.")] public string? Plugin { get; init; }
    [Required, Description("Endpoint id the sample size rests on.")] public string PrimaryEndpoint { get; init; } = "";
    [Required] public Hypothesis Hypothesis { get; init; }
    [Required, Description("Arm id of the experimental arm.")] public string ExperimentalArm { get; init; } = "";
    [Required, Description("Arm id of the control arm.")] public string ControlArm { get; init; } = "";
    [Required, Range(0.0001, 0.5)] public double Alpha { get; init; }
    [Required] public Sides Sides { get; init; }
    [Required, Range(0.5, 0.9999)] public double Power { get; init; }
    [Range(-1.0, 1.0), Description("Non-inferiority or equivalence margin on the difference of proportions (experimental - control).")]
    public double? Margin { get; init; }
    [Range(0.0, 0.9), Description("Expected proportion lost to follow-up.")] public double DropoutRate { get; init; }
    [Required, Range(1, 100000), Description("Total participants to enrol.")] public int SampleSize { get; init; }
    [Description("Published power of the design, when the protocol gives it.")] public double? ReportedPower { get; init; }
    [Description("Response rates the sample size assumes, when the protocol states them.")] public AssumedRates? AssumedRates { get; init; }
    [Description("The statistics plugin's sample-size method that the stated size follows (e.g. farrington-manning, chow-shao-wang); with assumed_rates, describe recalculates the size with it.")]
    public string? SizeMethod { get; init; }
    [Description("How the size allows for loss to follow-up: divide (evaluable / (1 - rate), the default) or multiply (evaluable x (1 + rate)).")]
    public DropoutInflation DropoutAdjustment { get; init; }
    [Description("How the sample size was computed (reference, test).")] public string? Method { get; init; }
    [Range(0.5, 0.999)] public double ConfidenceLevel { get; init; } = 0.95;
    [Description("Analyses planned per endpoint.")] public IReadOnlyList<Analysis> Analyses { get; init; } = [];
    [Description("The analysis sets (intention to treat, per protocol ...) and how each counts death, loss to follow-up, withdrawal and a missing assessment.")]
    public IReadOnlyList<AnalysisSet> AnalysisSets { get; init; } = [];
    [Description("Id of the analysis set the primary hypothesis is tested in.")] public string? PrimaryAnalysisSet { get; init; }
}

public enum Sides { One, Two }

public sealed record AssumedRates
{
    [Range(0.0, 1.0)] public double? Experimental { get; init; }
    [Range(0.0, 1.0)] public double? Control { get; init; }
}

[Description("A planned analysis.")]
public sealed record Analysis
{
    [Required, Description("Endpoint id.")] public string Endpoint { get; init; } = "";
    [Required, Description("Method, e.g. proportion-with-ci, fisher-exact, noninferiority-difference.")] public string Method { get; init; } = "";
    public string? Description { get; init; }
}

public enum DropoutInflation { Divide, Multiply }
