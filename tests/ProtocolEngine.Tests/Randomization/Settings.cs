using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Tests.Randomization;

/// <summary>Settings shared by the randomization tests.</summary>
internal static class Settings
{
    public static RandomizationSettings Blocks(ulong seed, int[] ratios, int[] blockSizes, params string[] strata) => new()
    {
        Method = "permuted-blocks",
        Seed = seed,
        Arms = ratios.Select((r, i) => new ArmRatio(((char)('A' + i)).ToString(), r)).ToList(),
        BlockSizes = blockSizes,
        Strata = strata,
    };

    /// <summary>Every combination of sites s1..sN and ECOG 0..E-1.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> SiteByEcog(int sites, int ecogLevels) =>
        (from s in Enumerable.Range(1, sites)
         from e in Enumerable.Range(0, ecogLevels)
         select (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["site"] = $"s{s}", ["ecog"] = $"{e}" }).ToList();
}
