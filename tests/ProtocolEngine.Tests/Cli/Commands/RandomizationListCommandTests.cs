using System.Text.Json;
using ProtocolEngine.Cli;
using ProtocolEngine.Tests.Randomization;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Cli.Commands;

public class RandomizationListCommandTests
{
    [Theory]
    [MemberData(nameof(GoldenLists.All), MemberType = typeof(GoldenLists))]
    public void Writes_the_golden_csv(GoldenLists.Case golden)
    {
        var run = CliRun.Of(["randomization", "list", .. golden.CliArguments]);
        Assert.Equal((ExitCodes.Success, ""), (run.ExitCode, run.Error));
        Assert.Equal(File.ReadAllText(golden.Path).ReplaceLineEndings("\n"), run.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Writes_json_with_the_same_entries()
    {
        var run = CliRun.Of("randomization", "list", "--count", "4", "--seed", "5", "--block-sizes", "4", "--format", "json");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var entries = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(4, entries.Count);
        Assert.All(entries, e => Assert.Equal(("all", 1, 4), (e.GetProperty("stratum").GetString(), e.GetProperty("block_id").GetInt32(), e.GetProperty("block_size").GetInt32())));
        Assert.Equal(2, entries.Count(e => e.GetProperty("arm").GetString() == "A"));
    }

    [Theory]
    [InlineData("block_sizes (--block-sizes): block size 3 is not a multiple of the ratio sum 2", "--block-sizes", "2,3")]
    [InlineData("method (--method): unknown method 'urn'", "--method", "urn")]
    [InlineData("--ratio: 3 numbers for 2 arms", "--block-sizes", "2", "--ratio", "1:1:1")]
    [InlineData("--block-sizes: 'x' is not a whole number", "--block-sizes", "2,x")]
    [InlineData("--strata: 'site' is not factor=level,level", "--block-sizes", "2", "--strata", "site")]
    [InlineData("minimization allocates from the factors", "--method", "minimization")]
    [InlineData("--plugin: no randomization plugin 'Urn'; available: Randomization.", "--block-sizes", "2", "--plugin", "Urn")]
    public void Refuses_bad_settings_with_exit_2_naming_the_option(string message, params string[] options)
    {
        var run = CliRun.Of(["randomization", "list", "--count", "10", "--seed", "1", .. options]);
        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }
}
