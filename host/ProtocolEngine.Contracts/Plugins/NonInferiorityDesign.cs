namespace ProtocolEngine.Contracts.Plugins;

/// <summary>Assumptions of a non-inferiority design on two proportions.</summary>
public sealed record NonInferiorityDesign
{
    /// <summary>Expected response rate in the experimental arm, in (0, 1).</summary>
    public double ExperimentalRate { get; init; }

    /// <summary>Expected response rate in the control arm, in (0, 1).</summary>
    public double ControlRate { get; init; }

    /// <summary>Non-inferiority margin on the difference experimental - control (negative, e.g. -0.15).</summary>
    public double Margin { get; init; }

    /// <summary>One-sided significance level (e.g. 0.025).</summary>
    public double Alpha { get; init; }

    /// <summary>Target power (e.g. 0.8).</summary>
    public double Power { get; init; }

    /// <summary>Participants in the experimental arm per participant in the control arm (1 for 1:1).</summary>
    public double AllocationRatio { get; init; } = 1;

    /// <summary>Expected proportion lost to follow-up, in [0, 1); the total is inflated as <see cref="DropoutAdjustment"/> says.</summary>
    public double DropoutRate { get; init; }

    /// <summary>How the evaluable total is inflated for <see cref="DropoutRate"/> (default: divided by 1 - rate).</summary>
    public DropoutAdjustment DropoutAdjustment { get; init; } = DropoutAdjustment.Divide;

    /// <summary>
    /// The method's name: "chow-shao-wang" (default; unpooled variance, Chow, Shao and Wang section 4.2) or
    /// "farrington-manning" (variance under H0 at the restricted MLE, the score test's own power).
    /// </summary>
    public string? Method { get; init; }
}
