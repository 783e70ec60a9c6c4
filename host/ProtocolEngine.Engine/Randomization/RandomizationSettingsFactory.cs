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
    /// <param name="imbalance">How minimization measures imbalance (the protocol format has no field for it yet).</param>
    public static RandomizationSettings FromPlan(RandomizationPlan plan, IReadOnlyList<Arm> arms, ulong seed, ImbalanceMeasure imbalance = ImbalanceMeasure.Range) => new()
    {
        Method = plan.Method,
        Seed = seed,
        Arms = arms.Select(a => new ArmRatio(a.Id, a.Ratio)).ToList(),
        BlockSizes = plan.BlockSizes.ToList(),
        Strata = plan.Strata.ToList(),
        Factors = plan.Minimization?.Factors.Select(f => new MinimizationFactorSetting(f.Factor, f.Weight)).ToList() ?? [],
        AssignmentProbability = plan.Minimization?.Probability ?? new Minimization().Probability,
        Imbalance = imbalance,
    };
}
