using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Plugins.Randomization.Random;

namespace ProtocolEngine.Plugins.Randomization.Methods;

/// <summary>
/// Simple (unrestricted) randomization: each participant's arm is drawn with probability proportional to
/// the ratios, from the participant's own stream "simple|{stratum}|{position}".
/// </summary>
internal sealed class SimpleRandomization : IAllocationMethod
{
    public string Allocate(RandomizationSettings settings, AllocationRequest request, string stratum) =>
        Draw(settings, stratum, request.Position);

    public IEnumerable<AllocationListEntry> List(RandomizationSettings settings, string stratum, int count) =>
        Enumerable.Range(0, count).Select(p => new AllocationListEntry(p + 1, stratum, null, null, Draw(settings, stratum, p)));

    private static string Draw(RandomizationSettings settings, string stratum, int position)
    {
        var rng = StreamSeed.For(settings.Seed, $"simple|{stratum}|{position}");
        return settings.Arms[WeightedChoice.Pick(rng, settings.Arms.Select(a => a.Ratio).ToList())].ArmId;
    }
}
