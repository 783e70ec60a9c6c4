using System.Text.Json;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Ctv;

/// <summary>`protocol-engine ctv`: the JSON form external checks call, and refusals with exit 2.</summary>
public sealed class CtvCommandTests
{
    internal static CliRun Ctv(params string[] args) => CliRun.Of(["ctv", .. args, "--protocol", RepoPaths.SeedProtocol]);

    [Fact]
    public void Answers_required_optional_rule_and_circumferential_as_json()
    {
        var run = Ctv("--involved", "1,6", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        var json = JsonDocument.Parse(run.Out).RootElement;
        // ISRC (DOMAIN.md): body and a unilateral pedicle -> 1, pedicle, ipsilateral TP/lamina; right side: 6 and 5.
        Assert.Equal([1, 5, 6], json.GetProperty("required").EnumerateArray().Select(x => x.GetInt32()));
        Assert.Empty(json.GetProperty("optional").EnumerateArray());
        Assert.Equal("vb-unilateral-pedicle (mirrored)", json.GetProperty("rule").GetString());
        Assert.False(json.GetProperty("circumferential").GetBoolean());

        var control = JsonDocument.Parse(Ctv("--involved", "3", "--arm", "control", "--format", "json").Out).RootElement;
        Assert.Equal([1, 2, 3, 4, 5, 6], control.GetProperty("required").EnumerateArray().Select(x => x.GetInt32()));
        Assert.True(control.GetProperty("circumferential").GetBoolean());

        var lateral = JsonDocument.Parse(Ctv("--involved", "1", "--vb-extent", "left", "--epidural", "--format", "json").Out).RootElement;
        Assert.Equal([3], lateral.GetProperty("optional").EnumerateArray().Select(x => x.GetInt32()));
        Assert.True(lateral.GetProperty("epidural").GetBoolean());
    }

    [Theory]
    [InlineData("7", "'7' is not an ISRC sector")]
    [InlineData("1,x", "'x' is not an ISRC sector")]
    [InlineData("1", "where within the vertebral body")]
    public void Bad_sectors_exit_2_with_a_message(string involved, string message)
    {
        var run = Ctv("--involved", involved);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }
}
