using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Plugins.Randomization.Random;
using ProtocolEngine.Plugins.Randomization.Settings;

namespace ProtocolEngine.Plugins.Randomization.Methods;

/// <summary>
/// Pocock-Simon minimization. For each candidate arm, the total imbalance is the weighted sum over factors of
/// the imbalance (range or variance) of the ratio-adjusted arm counts among prior participants sharing the new
/// participant's level, counting the new participant in the candidate arm. With probability p the arm(s) of
/// least total imbalance are chosen, otherwise one of the others; within a set the choice is by ratio. When every
/// arm ties, the draw is by ratio alone. The draws come from the participant's stream "minimization|{stratum}|{position}".
/// </summary>
internal sealed class Minimization : IAllocationMethod
{
    private const double Tolerance = 1e-9;

    public string Allocate(RandomizationSettings settings, AllocationRequest request, string stratum)
    {
        var levels = settings.Factors.Select(f => StratumKey.LevelOf(request.Levels, f.Factor, "minimization factor")).ToList();
        var counts = CountsAtLevels(settings, request.Prior, levels);
        var totals = settings.Arms.Select((_, candidate) => TotalImbalance(settings, counts, candidate)).ToList();
        var least = totals.Min();
        var preferred = Enumerable.Range(0, totals.Count).Where(i => totals[i] <= least + Tolerance).ToList();
        var others = Enumerable.Range(0, totals.Count).Except(preferred).ToList();

        var rng = StreamSeed.For(settings.Seed, $"minimization|{stratum}|{request.Position}");
        var useOthers = others.Count > 0 && rng.NextDouble() >= settings.AssignmentProbability;
        var pool = useOthers ? others : preferred;
        var chosen = pool[WeightedChoice.Pick(rng, pool.Select(i => settings.Arms[i].Ratio).ToList())];
        return settings.Arms[chosen].ArmId;
    }

    public IEnumerable<AllocationListEntry> List(RandomizationSettings settings, string stratum, int count) =>
        throw new ArgumentException("minimization allocates from the factors of the participants randomized before, so it has no list in advance; export the allocations made instead, or use permuted-blocks or simple for a list.");

    private static double TotalImbalance(RandomizationSettings settings, double[][] counts, int candidate)
    {
        var total = 0.0;
        for (var f = 0; f < settings.Factors.Count; f++)
        {
            var adjusted = new double[settings.Arms.Count];
            for (var a = 0; a < adjusted.Length; a++)
                adjusted[a] = (counts[f][a] + (a == candidate ? 1 : 0)) / settings.Arms[a].Ratio;
            total += settings.Factors[f].Weight * Imbalance(adjusted, settings.Imbalance);
        }
        return total;
    }

    /// <summary>counts[f][a]: prior participants in arm a who share the new participant's level of factor f.</summary>
    private static double[][] CountsAtLevels(RandomizationSettings settings, IReadOnlyList<PriorAllocation> prior, IReadOnlyList<string> levels)
    {
        var counts = settings.Factors.Select(_ => new double[settings.Arms.Count]).ToArray();
        foreach (var p in prior)
        {
            var arm = ArmIndex(settings, p.ArmId);
            for (var f = 0; f < counts.Length; f++)
                if (p.Levels.TryGetValue(settings.Factors[f].Factor, out var level) && level == levels[f])
                    counts[f][arm]++;
        }
        return counts;
    }

    private static double Imbalance(double[] counts, ImbalanceMeasure measure)
    {
        if (measure == ImbalanceMeasure.Range)
            return counts.Max() - counts.Min();
        var mean = counts.Average();
        return counts.Sum(c => (c - mean) * (c - mean)) / (counts.Length - 1);
    }

    private static int ArmIndex(RandomizationSettings settings, string armId)
    {
        for (var i = 0; i < settings.Arms.Count; i++)
            if (settings.Arms[i].ArmId == armId)
                return i;
        throw new ArgumentException($"A prior allocation names arm '{armId}', which is not one of the arms ({string.Join(", ", settings.Arms.Select(a => a.ArmId))}).");
    }
}
