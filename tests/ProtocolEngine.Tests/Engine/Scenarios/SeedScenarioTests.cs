using ProtocolEngine.Cli;
using ProtocolEngine.Tests.Support;
using ProtocolEngine.Engine.Rules;
using ProtocolEngine.Engine.Scenarios;
using ProtocolEngine.Engine.Validation;

namespace ProtocolEngine.Tests.Engine.Scenarios;

/// <summary>Every scenario shipped with the seed protocol, one test case each.</summary>
public class SeedScenarioTests
{
    private static readonly Lazy<OpenedProtocol> Seed = new(() =>
        Edges.Engine.Validation.Open(RepoPaths.SeedProtocol, rules: new RuleOptions { CacheDirectory = TestCache.NewDirectory() }));

    private static IReadOnlyList<ScenarioCase> Cases() =>
        ScenarioRunner.FilesOf(Edges.Engine.Loader.Load(RepoPaths.SeedProtocol).Document!)
            .SelectMany(ScenarioFile.Read).ToList();

    public static TheoryData<string, string> All()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in Cases())
            data.Add(Path.GetFileName(c.File), c.Name);
        return data;
    }

    [Fact]
    public void There_are_scenarios_for_every_criterion()
    {
        var cases = Cases();
        Assert.True(cases.Count >= 60, $"only {cases.Count} scenarios");
        var criteria = new[] { "IC1", "IC2", "IC3", "IC4", "IC5", "IC6", "IC7", "IC8", "EC1", "EC2", "EC3a", "EC3b", "EC3c", "EC3d", "EC3e", "EC4", "EC5", "EC6" };
        foreach (var id in criteria)
        {
            Assert.Contains(cases, c => c.ExpectedVerdicts.GetValueOrDefault(id) == ProtocolEngine.Engine.Screening.Verdict.Met);
            Assert.Contains(cases, c => c.ExpectedVerdicts.GetValueOrDefault(id) == ProtocolEngine.Engine.Screening.Verdict.NotMet);
        }
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Scenario(string file, string name)
    {
        var scenario = Cases().Single(c => Path.GetFileName(c.File) == file && c.Name == name);
        var outcome = new ScenarioRunner(Seed.Value.Rules!).Run(scenario);
        Assert.True(outcome.Passed, string.Join("\n", outcome.Failures));
    }
}
