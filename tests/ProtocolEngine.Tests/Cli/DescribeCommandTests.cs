using System.Text.Json;
using ProtocolEngine.Cli;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Cli;

public sealed class DescribeCommandTests
{
    [Fact]
    public void Prints_criteria_arms_dose_visits_endpoints_and_statistics()
    {
        var result = CliRun.Of("describe", RepoPaths.SeedProtocol);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        foreach (var expected in new[] { "IC1", "EC3d", "DO4", "Whole vertebra", "30 Gy in 10 fractions of 3 Gy", "EQD2", "month 24 after radiotherapy end", "pain_relief", "fisher-exact" })
            Assert.Contains(expected, result.Out);
    }

    [Fact]
    public void Gives_BED_39_and_EQD2_32_5_Gy_at_alpha_beta_10()
    {
        // 30 Gy / 10 fractions: BED = 10 x 3 x (1 + 3/10) = 39 Gy; EQD2 = 39 / (1 + 2/10) = 32.5 Gy.
        var result = CliRun.Of("describe", RepoPaths.SeedProtocol, "--format", "json");
        using var json = JsonDocument.Parse(result.Out);
        var dose = json.RootElement.GetProperty("fractionation").GetProperty("dose")
            .EnumerateArray().Single(d => d.GetProperty("alpha_beta_gy").GetDouble() == 10);
        Assert.Equal(39.0, dose.GetProperty("bed_gy").GetDouble(), 9);
        Assert.Equal(32.5, dose.GetProperty("eqd2_gy").GetDouble(), 9);
    }

    [Fact]
    public void Recalculates_the_published_size_and_shows_the_power_if_both_arms_share_the_control_rate()
    {
        // The protocol (Methods, statistics): 66 participants with 10% loss, power 0.809, one-sided alpha 0.025, margin -0.15.
        var result = CliRun.Of("describe", RepoPaths.SeedProtocol, "--format", "json");
        using var json = JsonDocument.Parse(result.Out);
        var lines = json.RootElement.GetProperty("statistics").EnumerateArray().Select(l => l.GetString()!).ToList();
        var recalculated = Assert.Single(lines, l => l.StartsWith("recalculated", StringComparison.Ordinal));
        Assert.Contains("30 + 30 evaluable, 66 to enrol (as stated), power 0.809", recalculated);
        // 30 per arm when the study arm is no better than control: far from the 0.8 the size was planned for.
        var equal = Assert.Single(lines, l => l.StartsWith("if both arms", StringComparison.Ordinal));
        Assert.Contains("0.42: power 0.22", equal);
    }

    [Fact]
    public void Refuses_an_invalid_protocol_with_exit_2()
    {
        var result = CliRun.Of("describe", Path.Combine(RepoPaths.Corpus, "broken", "fractionation-does-not-add-up.yaml"));
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("PE0210", result.Error);
    }
}
