using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace ProtocolEngine.Engine.Model;

[Description("Randomization settings; the named plugin does the allocation. The ratio comes from the arms.")]
public sealed record RandomizationPlan
{
    [Required, Description("The randomization plugin.")] public string Plugin { get; init; } = "";
    [Required, Description("Method the plugin offers: permuted-blocks, minimization, simple.")]
    public string Method { get; init; } = "";
    [Description("Block sizes to draw from at random (permuted blocks). Each must be a multiple of the ratio sum.")]
    public IReadOnlyList<int> BlockSizes { get; init; } = [];
    [Description("Relative frequencies of the block sizes, one per size (default: equal).")]
    public IReadOnlyList<int> BlockSizeWeights { get; init; } = [];
    [Description("Stratification factors: 'site' or variable ids (of type code, boolean or integer).")]
    public IReadOnlyList<string> Strata { get; init; } = [];
    [Description("Minimization settings.")]
    public Minimization? Minimization { get; init; }
    [Description("Who runs the randomization and how allocation is concealed (free text).")]
    public string? Administration { get; init; }
    public string? Note { get; init; }
}

[Description("Pocock-Simon minimization.")]
public sealed record Minimization
{
    [Required] public IReadOnlyList<MinimizationFactor> Factors { get; init; } = [];
    [Range(0.5, 1.0), Description("Probability of assigning the arm that minimizes imbalance.")]
    public double Probability { get; init; } = 0.8;
    [Description("How imbalance over a factor's level is measured: range (default) or variance.")]
    public ImbalanceKind Imbalance { get; init; } = ImbalanceKind.Range;
}

public enum ImbalanceKind { Range, Variance }

public sealed record MinimizationFactor
{
    [Required, Description("'site' or a variable id.")] public string Factor { get; init; } = "";
    [Range(0.0, 100.0)] public double Weight { get; init; } = 1.0;
}
