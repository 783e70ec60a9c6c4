using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Randomization;

public class MinimizationTests
{
    private static readonly IRandomizationPlugin Plugin = HostPlugins.Randomizer;
    private static readonly string[] FactorNames = ["site", "ecog", "sex"];

    private static RandomizationSettings Minimize(double probability, ImbalanceMeasure measure = ImbalanceMeasure.Range) => new()
    {
        Method = "minimization",
        Seed = 99,
        Arms = [new("A", 1), new("B", 1)],
        Factors = [new("site", 1), new("ecog", 1), new("sex", 1)],
        AssignmentProbability = probability,
        Imbalance = measure,
    };

    /// <summary>Participants with random factor levels (test data only; System.Random decides no allocation).</summary>
    private static List<Dictionary<string, string>> Participants(int count)
    {
        var random = new System.Random(2024);
        return Enumerable.Range(0, count).Select(_ => new Dictionary<string, string>
        {
            ["site"] = $"s{random.Next(5)}", ["ecog"] = $"{random.Next(3)}", ["sex"] = random.Next(2) == 0 ? "f" : "m",
        }).ToList();
    }

    private static List<PriorAllocation> Run(RandomizationSettings settings, List<Dictionary<string, string>> participants)
    {
        var prior = new List<PriorAllocation>();
        foreach (var levels in participants)
        {
            var result = Plugin.Allocate(settings, new AllocationRequest { Levels = levels, Position = prior.Count, Prior = prior });
            prior.Add(new PriorAllocation(result.ArmId, levels));
        }
        return prior;
    }

    /// <summary>Largest |A - B| over the levels of a factor.</summary>
    private static int MarginalImbalance(IEnumerable<PriorAllocation> allocations, string factor) =>
        allocations.GroupBy(p => p.Levels[factor]).Max(g => Math.Abs(g.Count(p => p.ArmId == "A") - g.Count(p => p.ArmId == "B")));

    [Fact]
    public void Keeps_every_factor_better_balanced_than_simple_randomization_of_the_same_participants()
    {
        var participants = Participants(10_000);
        var minimized = Run(Minimize(0.8), participants);
        var simpleSettings = new RandomizationSettings { Method = "simple", Seed = 99, Arms = [new("A", 1), new("B", 1)] };
        var simple = participants.Select((levels, i) => new PriorAllocation(
            Plugin.Allocate(simpleSettings, new AllocationRequest { Levels = levels, Position = i }).ArmId, levels)).ToList();

        foreach (var factor in FactorNames)
        {
            var m = MarginalImbalance(minimized, factor);
            var s = MarginalImbalance(simple, factor);
            Assert.True(m < s, $"{factor}: minimization {m}, simple {s}");
            Assert.True(m <= 10, $"{factor}: minimization left an imbalance of {m}");
        }
    }

    [Fact]
    public void Assigns_the_least_imbalanced_arm_with_the_configured_probability()
    {
        var participants = Participants(3_000);
        var settings = Minimize(0.8);
        var prior = new List<PriorAllocation>();
        var counts = new Dictionary<(string Factor, string Level, string Arm), int>();
        int decided = 0, preferredChosen = 0;
        foreach (var levels in participants)
        {
            var preferred = PreferredByRange(counts, levels);
            var arm = Plugin.Allocate(settings, new AllocationRequest { Levels = levels, Position = prior.Count, Prior = prior }).ArmId;
            if (preferred is not null)
            {
                decided++;
                preferredChosen += arm == preferred ? 1 : 0;
            }
            prior.Add(new PriorAllocation(arm, levels));
            foreach (var f in FactorNames)
                counts[(f, levels[f], arm)] = counts.GetValueOrDefault((f, levels[f], arm)) + 1;
        }
        var rate = (double)preferredChosen / decided;
        var sd = Math.Sqrt(0.8 * 0.2 / decided);
        Assert.True(decided > 1_000, $"only {decided} non-tied decisions");
        Assert.InRange(rate, 0.8 - 4 * sd, 0.8 + 4 * sd);
    }

    [Theory]
    [InlineData(ImbalanceMeasure.Range)]
    [InlineData(ImbalanceMeasure.Variance)]
    public void With_probability_one_always_picks_the_arm_that_reduces_imbalance(ImbalanceMeasure measure)
    {
        var x = new Dictionary<string, string> { ["site"] = "x", ["ecog"] = "0", ["sex"] = "f" };
        var y = new Dictionary<string, string> { ["site"] = "y", ["ecog"] = "1", ["sex"] = "m" };
        // Site x and ecog 0 and sex f lean to A (3 vs 1); a new participant with those levels must go to B.
        PriorAllocation[] prior = [new("A", x), new("A", x), new("A", x), new("B", x), new("B", y), new("B", y)];
        var result = Plugin.Allocate(Minimize(1.0, measure), new AllocationRequest { Levels = x, Position = prior.Length, Prior = prior });
        Assert.Equal("B", result.ArmId);
        // A participant at level y: y leans to B (0 vs 2), so A.
        var other = Plugin.Allocate(Minimize(1.0, measure), new AllocationRequest { Levels = y, Position = prior.Length, Prior = prior });
        Assert.Equal("A", other.ArmId);
    }

    [Fact]
    public void Is_reproducible_for_the_same_seed_and_history()
    {
        var participants = Participants(300);
        Assert.Equal(Run(Minimize(0.8), participants).Select(p => p.ArmId), Run(Minimize(0.8), participants).Select(p => p.ArmId));
    }

    [Fact]
    public void Refuses_a_participant_without_a_factor_level_and_has_no_list_in_advance()
    {
        var missing = Assert.Throws<ArgumentException>(() => Plugin.Allocate(Minimize(0.8),
            new AllocationRequest { Levels = new Dictionary<string, string> { ["site"] = "x", ["ecog"] = "0" } }));
        Assert.Contains("'sex'", missing.Message, StringComparison.Ordinal);
        var list = Assert.Throws<ArgumentException>(() => Plugin.GenerateList(Minimize(0.8), [], 10));
        Assert.Contains("no list in advance", list.Message, StringComparison.Ordinal);
    }

    /// <summary>An independent Pocock-Simon range computation for two 1:1 arms; null on a tie.</summary>
    private static string? PreferredByRange(Dictionary<(string Factor, string Level, string Arm), int> counts, Dictionary<string, string> levels)
    {
        int ScoreIf(string arm) => FactorNames.Sum(f =>
        {
            var a = counts.GetValueOrDefault((f, levels[f], "A")) + (arm == "A" ? 1 : 0);
            var b = counts.GetValueOrDefault((f, levels[f], "B")) + (arm == "B" ? 1 : 0);
            return Math.Abs(a - b);
        });
        var (sa, sb) = (ScoreIf("A"), ScoreIf("B"));
        return sa == sb ? null : sa < sb ? "A" : "B";
    }
}
