using MathNet.Numerics.Distributions;
using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Randomization;

public class PermutedBlocksTests
{
    private static readonly IRandomizationPlugin Plugin = HostPlugins.Randomizer;

    [Theory]
    [InlineData(new[] { 1, 1 }, new[] { 2, 4, 6 })]
    [InlineData(new[] { 2, 1 }, new[] { 3, 6, 9 })]
    [InlineData(new[] { 3, 2 }, new[] { 5, 10 })]
    [InlineData(new[] { 1, 1, 1 }, new[] { 3, 6 })]
    public void Every_stratum_is_balanced_per_ratio_at_each_completed_block_and_never_far_off_inside(int[] ratios, int[] blockSizes)
    {
        var settings = Settings.Blocks(20190601, ratios, blockSizes, "site", "ecog");
        var list = Plugin.GenerateList(settings, Settings.SiteByEcog(4, 3), 900);
        Assert.True(list.Count >= 10_000, $"only {list.Count} participants");
        var ratioSum = ratios.Sum();
        var halfLargest = blockSizes.Max() / 2.0;

        foreach (var stratum in list.GroupBy(e => e.Stratum))
        {
            var counts = new int[ratios.Length];
            var entries = stratum.ToList();
            Assert.Equal(Enumerable.Range(1, entries.Count), entries.Select(e => e.Sequence));
            for (var i = 0; i < entries.Count; i++)
            {
                counts[entries[i].ArmId[0] - 'A']++;
                var done = i + 1;
                var blockEnds = i == entries.Count - 1 || entries[i + 1].BlockId != entries[i].BlockId;
                for (var a = 0; a < ratios.Length; a++)
                {
                    var expected = (double)done * ratios[a] / ratioSum;
                    if (blockEnds)
                        Assert.Equal(expected, counts[a]);
                    else
                        Assert.True(Math.Abs(counts[a] - expected) <= halfLargest, $"{stratum.Key} #{done}: arm {a} has {counts[a]}, expected about {expected}");
                }
                if (ratios.Length == 2 && ratios[0] == ratios[1])
                    Assert.True(Math.Abs(counts[0] - counts[1]) <= halfLargest);
            }
        }
    }

    [Theory]
    [InlineData(new[] { 2, 1 }, new[] { 3, 6 })]
    [InlineData(new[] { 3, 2 }, new[] { 5, 10, 15 })]
    public void Each_block_holds_the_arms_in_the_configured_proportions(int[] ratios, int[] blockSizes)
    {
        var list = Plugin.GenerateList(Settings.Blocks(5, ratios, blockSizes), [], 10_000);
        foreach (var block in list.GroupBy(e => e.BlockId))
        {
            var size = block.Count();
            Assert.Equal(block.First().BlockSize, size);
            Assert.Contains(size, blockSizes);
            for (var a = 0; a < ratios.Length; a++)
                Assert.Equal(size / ratios.Sum() * ratios[a], block.Count(e => e.ArmId == ((char)('A' + a)).ToString()));
        }
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 1, 2, 1 })]
    [InlineData(new[] { 5, 1, 1 })]
    public void Block_sizes_are_drawn_with_the_configured_frequencies(int[] weights)
    {
        int[] sizes = [2, 4, 6];
        var settings = Settings.Blocks(11, [1, 1], sizes) with { BlockSizeWeights = weights };
        var blocks = Plugin.GenerateList(settings, [], 24_000).GroupBy(e => e.BlockId).Select(b => b.First().BlockSize!.Value).ToList();
        var w = weights.Length == 0 ? [1, 1, 1] : weights;
        var expected = w.Select(x => (double)x / w.Sum() * blocks.Count).ToArray();
        var observed = sizes.Select(s => (double)blocks.Count(b => b == s)).ToArray();

        Assert.True(PValue(observed, expected) > 0.001, $"observed {string.Join(",", observed)} expected {string.Join(",", expected)}");
        // The same test has the power to notice frequencies that are not the configured ones.
        var wrong = new[] { 1.0, 1.0, 1.0 }.Select(x => x / 3 * blocks.Count).ToArray();
        if (weights.Length > 0)
            Assert.True(PValue(observed, wrong) < 1e-6);
    }

    [Fact]
    public void Allocate_reveals_the_same_arm_as_the_list_one_participant_at_a_time()
    {
        var settings = Settings.Blocks(77, [2, 1], [3, 6], "site");
        var strata = new[] { "a", "b" }.Select(s => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["site"] = s }).ToList();
        var list = Plugin.GenerateList(settings, strata, 60);
        foreach (var entry in list)
        {
            var levels = new Dictionary<string, string> { ["site"] = entry.Stratum["site=".Length..], ["ecog"] = "ignored" };
            var result = Plugin.Allocate(settings, new AllocationRequest { Levels = levels, Position = entry.Sequence - 1 });
            Assert.Equal(new AllocationResult(entry.ArmId, entry.Stratum, entry.Sequence), result);
        }
    }

    [Fact]
    public void The_list_completes_the_last_block_and_strata_have_separate_sequences()
    {
        var settings = Settings.Blocks(3, [1, 1], [4], "site");
        var strata = new[] { "a", "b" }.Select(s => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["site"] = s }).ToList();
        var list = Plugin.GenerateList(settings, strata, 7);
        Assert.Equal(16, list.Count);
        Assert.Equal(["site=a", "site=b"], list.Select(e => e.Stratum).Distinct());
        Assert.NotEqual(list.Take(8).Select(e => e.ArmId), list.Skip(8).Select(e => e.ArmId));
    }

    [Fact]
    public void Another_seed_gives_another_list()
    {
        var one = Plugin.GenerateList(Settings.Blocks(1, [1, 1], [2, 4, 6]), [], 200).Select(e => e.ArmId);
        var two = Plugin.GenerateList(Settings.Blocks(2, [1, 1], [2, 4, 6]), [], 200).Select(e => e.ArmId);
        Assert.NotEqual(one, two);
    }

    private static double PValue(double[] observed, double[] expected) =>
        1 - ChiSquared.CDF(observed.Length - 1, observed.Zip(expected, (o, e) => (o - e) * (o - e) / e).Sum());
}
