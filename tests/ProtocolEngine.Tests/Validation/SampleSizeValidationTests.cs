using ProtocolEngine.Cli;
using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Validation;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Validation;

/// <summary>
/// <c>validate</c> recalculates the statistics plan's stated sample size and reported power from its assumed rates under
/// the method it names (through the statistics plugin) and warns, at the stated value, when they disagree. The seed
/// protocol states 66 (60 evaluable x 1.1) and power 0.809 for 0.63 vs 0.42 by Farrington-Manning (NonInferiorityTests
/// holds those numbers); each changed copy below breaks one of the three.
/// </summary>
public sealed class SampleSizeValidationTests
{
    private static readonly ValidationContext WithStatistics = ValidationContext.Empty with
    {
        Statistics = name => name == "Statistics" ? HostPlugins.Statistics : null,
    };

    private static IReadOnlyList<Diagnostic> Warnings(string file, ValidationContext context) =>
        [.. Edges.Engine.Validation.Run(file, context).Diagnostics.Where(d => d.Code == DiagnosticCodes.SampleSizeNotReproduced)];

    /// <summary>Line and column of the value after <paramref name="key"/> (e.g. "sample_size: ").</summary>
    private static (int Line, int Column) ValueOf(string file, string key) =>
        TempProtocol.Find(file, key) is var (line, column) ? (line, column + key.Length) : default;

    [Fact]
    public void The_seed_protocol_reproduces_its_size_and_power()
    {
        var result = Edges.Engine.Validation.Run(RepoPaths.SeedProtocol, WithStatistics);
        Assert.False(result.HasErrors);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.SampleSizeNotReproduced);
    }

    [Fact]
    public void Other_assumed_rates_warn_at_the_stated_size_with_the_size_they_give()
    {
        var copy = new TempProtocol(y => y.Replace("    experimental: 0.63\n", "    experimental: 0.60\n", StringComparison.Ordinal));
        var warning = Assert.Single(Warnings(copy.Yaml, WithStatistics));
        Assert.False(warning.IsError);
        TempProtocol.AssertAt(warning, copy.Yaml, ValueOf(copy.Yaml, "sample_size: "));
        Assert.Contains("sample_size 66 is not what assumed_rates 0.6 vs 0.42 with farrington-manning", warning.Message, StringComparison.Ordinal);
        // What the plugin gives for the changed rates, quoted in the message.
        var size = HostPlugins.Statistics.NonInferiorityTwoProportions(new()
        {
            ExperimentalRate = 0.60, ControlRate = 0.42, Margin = -0.15, Alpha = 0.025, Power = 0.8, DropoutRate = 0.1,
            DropoutAdjustment = ProtocolEngine.Contracts.Plugins.DropoutAdjustment.Multiply, Method = "farrington-manning",
        });
        Assert.NotEqual(66, size.TotalEnrolled);
        Assert.Contains($"{size.ExperimentalEvaluable} + {size.ControlEvaluable} evaluable, {size.TotalEnrolled} to enrol", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_method_warns_when_it_does_not_give_the_stated_size()
    {
        // Chow-Shao-Wang (unpooled) at 0.63 vs 0.42: (1.96 + 0.8416)² (0.63 x 0.37 + 0.42 x 0.58) / 0.36² = 28.9 -> 29 per
        // arm, 58 x 1.1 = 63.8 -> 64, not 66.
        var copy = new TempProtocol(y => y.Replace("  size_method: farrington-manning\n", "  size_method: chow-shao-wang\n", StringComparison.Ordinal));
        var warning = Assert.Single(Warnings(copy.Yaml, WithStatistics));
        Assert.Contains("with chow-shao-wang", warning.Message, StringComparison.Ordinal);
        Assert.Contains("29 + 29 evaluable, 64 to enrol", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reported_power_the_rates_do_not_give_is_warned_at_the_power()
    {
        var copy = new TempProtocol(y => y.Replace("  reported_power: 0.809\n", "  reported_power: 0.85\n", StringComparison.Ordinal));
        var warning = Assert.Single(Warnings(copy.Yaml, WithStatistics));
        TempProtocol.AssertAt(warning, copy.Yaml, ValueOf(copy.Yaml, "reported_power: "));
        Assert.Contains("reported_power 0.85 is not what assumed_rates 0.63 vs 0.42", warning.Message, StringComparison.Ordinal);
        Assert.Contains("0.809", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.8094, 0.809, true)]
    [InlineData(0.8096, 0.809, false)]
    [InlineData(0.86, 0.8, false)]
    [InlineData(0.84, 0.8, true)]
    public void Power_agrees_to_the_decimals_reported(double computed, double reported, bool agrees) =>
        Assert.Equal(agrees, ProtocolEngine.Engine.Summary.SampleSizeCheck.AgreesWithReported(computed, reported));

    [Fact]
    public void Without_the_statistics_plugin_nothing_is_recalculated()
    {
        var copy = new TempProtocol(y => y.Replace("    experimental: 0.63\n", "    experimental: 0.60\n", StringComparison.Ordinal));
        Assert.Empty(Warnings(copy.Yaml, ValidationContext.Empty));
    }

    [Fact]
    public void The_validate_command_prints_the_located_warning_and_exits_0()
    {
        var copy = new TempProtocol(y => y.Replace("    experimental: 0.63\n", "    experimental: 0.60\n", StringComparison.Ordinal));
        var (line, col) = ValueOf(copy.Yaml, "sample_size: ");
        var result = CliRun.Of("validate", copy.Yaml);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains($"{copy.Yaml}:{line}:{col}: warning PE0250: sample_size 66 is not what assumed_rates 0.6 vs 0.42", result.Error, StringComparison.Ordinal);
    }
}
