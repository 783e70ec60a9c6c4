using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Randomization;

public class SimpleRandomizationTests
{
    private static readonly IRandomizationPlugin Plugin = HostPlugins.Randomizer;

    private static RandomizationSettings Simple(int ratioA, int ratioB) => new()
    {
        Method = "simple", Seed = 1234, Arms = [new("A", ratioA), new("B", ratioB)],
    };

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    public void Allocates_in_the_ratio_within_binomial_error(int ratioA, int ratioB)
    {
        var list = Plugin.GenerateList(Simple(ratioA, ratioB), [], 12_000);
        Assert.Equal(12_000, list.Count);
        Assert.All(list, e => Assert.Null(e.BlockId));
        var p = (double)ratioA / (ratioA + ratioB);
        var sd = Math.Sqrt(p * (1 - p) / list.Count);
        Assert.InRange((double)list.Count(e => e.ArmId == "A") / list.Count, p - 4 * sd, p + 4 * sd);
    }

    [Fact]
    public void Allocate_agrees_with_the_list()
    {
        var settings = Simple(1, 1);
        var list = Plugin.GenerateList(settings, [], 100);
        Assert.Equal(list.Select(e => e.ArmId),
            list.Select(e => Plugin.Allocate(settings, new AllocationRequest { Position = e.Sequence - 1 }).ArmId));
    }
}
