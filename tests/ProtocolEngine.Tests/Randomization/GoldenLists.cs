using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Randomization;

/// <summary>
/// The committed golden lists: made once by `protocol-engine randomization list` with the arguments below;
/// the same seed must give the same bytes on every machine and runtime from then on.
/// </summary>
public static class GoldenLists
{
    public sealed record Case(string File, string[] CliArguments, RandomizationSettings Settings, IReadOnlyList<IReadOnlyDictionary<string, string>> Strata, int Count)
    {
        public string Path => System.IO.Path.Combine(RepoPaths.Root, "tests", "ProtocolEngine.Tests", "Randomization", "Golden", File);

        public override string ToString() => File;
    }

    public static IEnumerable<object[]> All() =>
    [
        [new Case("permuted-blocks-1to1-seed20190601.csv",
            ["--count", "40", "--seed", "20190601", "--arms", "study,control", "--block-sizes", "2,4,6", "--strata", "site=mianyang,chengdu", "ecog=0-1,2"],
            new RandomizationSettings { Method = "permuted-blocks", Seed = 20190601, Arms = [new("study", 1), new("control", 1)], BlockSizes = [2, 4, 6], Strata = ["site", "ecog"] },
            (from site in new[] { "mianyang", "chengdu" } from ecog in new[] { "0-1", "2" }
             select (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["site"] = site, ["ecog"] = ecog }).ToList(), 40)],
        [new Case("permuted-blocks-2to1to1-seed7.csv",
            ["--count", "30", "--seed", "7", "--arms", "a,b,c", "--ratio", "2:1:1", "--block-sizes", "4,8", "--block-weights", "3,1"],
            new RandomizationSettings { Method = "permuted-blocks", Seed = 7, Arms = [new("a", 2), new("b", 1), new("c", 1)], BlockSizes = [4, 8], BlockSizeWeights = [3, 1] },
            [], 30)],
        [new Case("simple-3to2-maxseed.csv",
            ["--count", "30", "--seed", "18446744073709551615", "--method", "simple", "--arms", "study,control", "--ratio", "3:2"],
            new RandomizationSettings { Method = "simple", Seed = ulong.MaxValue, Arms = [new("study", 3), new("control", 2)] },
            [], 30)],
    ];
}
