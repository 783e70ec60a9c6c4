using System.Text.Json;
using ProtocolEngine.Cli;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Cli.Commands;

public class PluginsCommandTests : IDisposable
{
    private readonly TempFolder _protocol = new();

    public void Dispose() => _protocol.Dispose();

    [Fact]
    public void Lists_the_host_plugins_as_text()
    {
        var run = CliRun.Of("plugins");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var line = Assert.Single(run.Out.Split('\n'), l => l.TrimStart().StartsWith("Randomization", StringComparison.Ordinal));
        Assert.Contains("0.1.0", line, StringComparison.Ordinal);
        Assert.EndsWith(Path.Combine("plugins", "Randomization", "Randomization.dll"), line.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain("Failed", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_protocol_plugins_and_failures_as_json()
    {
        FixturePluginCompiler.Compile(Path.Combine(_protocol.Path, "plugins"), "Boin", FixtureSources.DoseEscalation("Boin"));
        var broken = FixturePluginCompiler.Compile(Path.Combine(_protocol.Path, "plugins"), "Old", FixtureSources.DoseEscalation("Old", "\"0.9\""));
        File.WriteAllText(Path.Combine(_protocol.Path, "protocol.yaml"), "schema_version: 1\n");

        var run = CliRun.Of("plugins", "--format", "json", "--protocol", Path.Combine(_protocol.Path, "protocol.yaml"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var plugins = json.RootElement.GetProperty("plugins").EnumerateArray().Select(p => (p.GetProperty("name").GetString(), p.GetProperty("family").GetString())).ToList();
        Assert.Equal([("Ctv", "CtvSelection"), ("Escalation", "DoseEscalation"), ("PainResponse", "PainResponse"), ("Randomization", "Randomization"), ("Statistics", "Statistics"), ("Boin", "DoseEscalation")], plugins);
        var failure = Assert.Single(json.RootElement.GetProperty("failures").EnumerateArray());
        Assert.Equal(broken, failure.GetProperty("path").GetString());
        Assert.Contains("contract version 0.9", failure.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_protocol_path_that_does_not_exist()
    {
        var run = CliRun.Of("plugins", "--protocol", Path.Combine(_protocol.Path, "missing.yaml"));
        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("--protocol: no file or folder", run.Error, StringComparison.Ordinal);
    }
}
