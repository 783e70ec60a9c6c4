namespace ProtocolEngine.Contracts.Plugins;

/// <summary>Everything a randomization plugin needs to know about the trial's allocation scheme.</summary>
public sealed record RandomizationSettings
{
    /// <summary>The method, one of the plugin's <see cref="IRandomizationPlugin.Methods"/>.</summary>
    public string Method { get; init; } = "";

    /// <summary>The trial's secret seed. Every allocation derives from it.</summary>
    public ulong Seed { get; init; }

    /// <summary>The arms in protocol order with their integer allocation ratios (2 and 1 give 2:1).</summary>
    public IReadOnlyList<ArmRatio> Arms { get; init; } = [];

    /// <summary>Block sizes drawn at random for each new block (permuted blocks). Each must be a multiple of the ratio sum.</summary>
    public IReadOnlyList<int> BlockSizes { get; init; } = [];

    /// <summary>Optional relative integer weights of <see cref="BlockSizes"/> (same length); empty means equally likely.</summary>
    public IReadOnlyList<int> BlockSizeWeights { get; init; } = [];

    /// <summary>Stratification factors in order ("site" or variable ids); each stratum has its own sequence.</summary>
    public IReadOnlyList<string> Strata { get; init; } = [];

    /// <summary>Minimization factors with their weights (minimization only).</summary>
    public IReadOnlyList<MinimizationFactorSetting> Factors { get; init; } = [];

    /// <summary>Probability of assigning the arm that minimizes imbalance (minimization only), in (0.5, 1].</summary>
    public double AssignmentProbability { get; init; } = 0.8;

    /// <summary>How imbalance within one factor level is measured (minimization only).</summary>
    public ImbalanceMeasure Imbalance { get; init; } = ImbalanceMeasure.Range;
}
