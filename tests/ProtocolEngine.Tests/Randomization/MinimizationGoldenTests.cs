using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Randomization;

public class MinimizationGoldenTests
{
    /// <summary>
    /// 300 participants whose levels cycle deterministically, minimized with seed 20190601 (3 arms 2:1:1, variance,
    /// p 0.8): the arms must match the committed sequence on every machine. On a mismatch the actual sequence is
    /// written to the temp folder so that a deliberate change of the algorithm can update the golden file.
    /// </summary>
    [Fact]
    public void The_same_seed_and_participants_give_the_committed_allocations()
    {
        var settings = new RandomizationSettings
        {
            Method = "minimization", Seed = 20190601, Arms = [new("a", 2), new("b", 1), new("c", 1)],
            Factors = [new("site", 1), new("ecog", 2), new("sex", 0.5)], AssignmentProbability = 0.8, Imbalance = ImbalanceMeasure.Variance,
        };
        var prior = new List<PriorAllocation>();
        for (var i = 0; i < 300; i++)
        {
            var levels = new Dictionary<string, string> { ["site"] = $"s{i % 4}", ["ecog"] = $"{i * 7 % 3}", ["sex"] = i * 5 % 11 < 6 ? "f" : "m" };
            prior.Add(new PriorAllocation(HostPlugins.Randomizer.Allocate(settings, new AllocationRequest { Levels = levels, Position = i, Prior = prior }).ArmId, levels));
        }
        var actual = string.Join("\n", prior.Select(p => p.ArmId)) + "\n";
        var golden = Path.Combine(RepoPaths.Root, "tests", "ProtocolEngine.Tests", "Randomization", "Golden", "minimization-2to1to1-seed20190601.txt");
        var expected = File.Exists(golden) ? File.ReadAllText(golden) : "";
        if (actual != expected)
            File.WriteAllText(Path.Combine(Path.GetTempPath(), "minimization-2to1to1-seed20190601.actual.txt"), actual);
        Assert.Equal(expected, actual);
    }
}
