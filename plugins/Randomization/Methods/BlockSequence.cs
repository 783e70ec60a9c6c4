using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Plugins.Randomization.Random;

namespace ProtocolEngine.Plugins.Randomization.Methods;

/// <summary>
/// The blocks of one stratum, from its own stream "blocks|{stratum}". For each block: draw its size (uniform
/// or by the integer weights), fill it with each arm ratio x (size / ratio sum) times in arm order, then
/// shuffle by Fisher-Yates from the last position down, with unbiased bounded draws.
/// </summary>
internal static class BlockSequence
{
    public static IEnumerable<Block> Of(RandomizationSettings settings, string stratum)
    {
        var rng = StreamSeed.For(settings.Seed, "blocks|" + stratum);
        var ratioSum = settings.Arms.Sum(a => a.Ratio);
        var start = 0;
        for (var id = 1; ; id++)
        {
            var size = settings.BlockSizeWeights.Count == 0
                ? settings.BlockSizes[rng.NextBelow(settings.BlockSizes.Count)]
                : settings.BlockSizes[WeightedChoice.Pick(rng, settings.BlockSizeWeights)];
            var arms = Fill(settings.Arms, size / ratioSum);
            for (var i = arms.Length - 1; i > 0; i--)
            {
                var j = rng.NextBelow(i + 1);
                (arms[i], arms[j]) = (arms[j], arms[i]);
            }
            yield return new Block(id, start, arms);
            start += size;
        }
    }

    private static string[] Fill(IReadOnlyList<ArmRatio> arms, int multiplier) =>
        arms.SelectMany(a => Enumerable.Repeat(a.ArmId, a.Ratio * multiplier)).ToArray();
}
