using ProtocolEngine.Tests.Support;
namespace ProtocolEngine.Tests.Cli;

public class TestCommandTests
{
    [Fact]
    public void The_seed_scenarios_all_pass()
    {
        var (code, output, _) = CliRun.Of("test", RepoPaths.SeedProtocol);
        Assert.Equal(0, code);
        Assert.Matches(@"\d+ scenarios: \d+ passed, 0 failed\.", output);
    }

    [Fact]
    public void A_wrong_expectation_fails_with_exit_1_and_says_what_differs()
    {
        var p = new TempProtocol();
        var file = Path.Combine(p.ScenarioFolder, "inclusion.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"IC1\": \"not-met\"", "\"IC1\": \"met\""));
        var (code, output, _) = CliRun.Of("test", p.Yaml);
        Assert.Equal(1, code);
        Assert.Contains("FAIL  IC1 aged 18-80: 17 is too young", output);
        Assert.Contains("IC1: expected met, got not-met", output);
        Assert.Matches(@"\d+ scenarios: \d+ passed, 2 failed\.", output);
    }
}
