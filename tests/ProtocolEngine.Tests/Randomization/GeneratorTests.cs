using ProtocolEngine.Plugins.Randomization.Random;

namespace ProtocolEngine.Tests.Randomization;

/// <summary>The generator against the values published with the reference C implementations.</summary>
public class GeneratorTests
{
    [Fact]
    public void Xoshiro256StarStar_matches_the_reference_from_state_1_2_3_4()
    {
        var rng = new Xoshiro256StarStar(1, 2, 3, 4);
        ulong[] expected = [11520, 0, 1509978240, 1215971899390074240, 1216172134540287360, 607988272756665600,
            16172922978634559625, 8476171486693032832, 10595114339597558777, 2904607092377533576];
        Assert.Equal(expected, expected.Select(_ => rng.Next()));
    }

    [Fact]
    public void SplitMix64_matches_the_reference()
    {
        var mix = new SplitMix64(1477776061723855037);
        Assert.Equal([1985237415132408290UL, 2979275885539914483UL, 13511426838097143398UL, 8488337342461049707UL],
            new[] { mix.Next(), mix.Next(), mix.Next(), mix.Next() });
        Assert.Equal(0xE220A8397B1DCDAFUL, new SplitMix64(0).Next());
    }

    [Fact]
    public void Bounded_draws_stay_in_range_and_are_uniform()
    {
        var rng = Xoshiro256StarStar.FromSeed(7);
        var counts = new int[3];
        for (var i = 0; i < 30_000; i++)
            counts[rng.NextBelow(3)]++;
        var chiSquare = counts.Sum(c => (c - 10_000.0) * (c - 10_000.0) / 10_000.0);
        Assert.True(1 - MathNet.Numerics.Distributions.ChiSquared.CDF(2, chiSquare) > 0.001, $"counts {string.Join(",", counts)}");
        var big = Xoshiro256StarStar.FromSeed(8);
        Assert.All(Enumerable.Range(0, 1000).Select(_ => big.NextBelow(int.MaxValue)), v => Assert.InRange(v, 0, int.MaxValue - 1));
    }

    [Fact]
    public void Streams_differ_by_key_and_repeat_by_key()
    {
        Assert.Equal(StreamSeed.For(42, "blocks|all").Next(), StreamSeed.For(42, "blocks|all").Next());
        Assert.NotEqual(StreamSeed.For(42, "blocks|all").Next(), StreamSeed.For(42, "blocks|site=a").Next());
        Assert.NotEqual(StreamSeed.For(42, "blocks|all").Next(), StreamSeed.For(43, "blocks|all").Next());
    }
}
