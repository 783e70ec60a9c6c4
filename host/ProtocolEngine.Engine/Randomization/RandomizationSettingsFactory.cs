using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Randomization;

/// <summary>Maps a protocol's randomization plan and arms onto the settings a randomization plugin takes.</summary>
public static class RandomizationSettingsFactory
{
    /// <summary>
    /// The plugin settings for <paramref name="plan"/>: method, block sizes, strata and minimization as written;
    /// each arm's ratio in protocol order; the trial's secret <paramref name="seed"/> (kept outside protocol.yaml).
    /// </summary>
    /// <param name="plan">The protocol's randomization section.</param>
    /// <param name="arms">The protocol's arms, in protocol order.</param>
    /// <param name="seed">The trial's randomization seed.</param>
    public static RandomizationSettings FromPlan(RandomizationPlan plan, IReadOnlyList<Arm> arms, ulong seed) => new()
    {
        Method = plan.Method,
        Seed = seed,
        Arms = arms.Select(a => new ArmRatio(a.Id, a.Ratio)).ToList(),
        BlockSizes = plan.BlockSizes.ToList(),
        BlockSizeWeights = plan.BlockSizeWeights.ToList(),
        Strata = plan.Strata.ToList(),
        Factors = plan.Minimization?.Factors.Select(f => new MinimizationFactorSetting(f.Factor, f.Weight)).ToList() ?? [],
        AssignmentProbability = plan.Minimization?.Probability ?? new Minimization().Probability,
        Imbalance = plan.Minimization?.Imbalance == ImbalanceKind.Variance ? ImbalanceMeasure.Variance : ImbalanceMeasure.Range,
    };
}
