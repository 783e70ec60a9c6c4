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

    /// <summary>Expected proportion lost to follow-up, in [0, 1); the total is inflated by 1 / (1 - rate).</summary>
    public double DropoutRate { get; init; }

    /// <summary>The method's name, when the plugin offers more than one (e.g. "farrington-manning", "wald").</summary>
    public string? Method { get; init; }
}
