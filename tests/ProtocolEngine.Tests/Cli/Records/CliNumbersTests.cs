using System.Globalization;
using ProtocolEngine.Cli;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Tests.Records.Support;

namespace ProtocolEngine.Tests.Cli.Records;

/// <summary>Numbers typed on the command line mean the same on every machine: invariant, no separators, a decimal point.</summary>
public class CliNumbersTests
{
    [Theory]
    [InlineData("0.3", 0.3)]
    [InlineData("-0.15", -0.15)]
    [InlineData("2.5e1", 25)]
    [InlineData(" 30 ", 30)]
    public void Reads_invariant_reals(string text, double expected)
    {
        Assert.True(CliNumbers.TryReal(text, out var value, out var problem), problem);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("0,3", "use a decimal point: 0.3")]
    [InlineData("2,5", "use a decimal point: 2.5")]
    [InlineData("1,000", "use a decimal point: 1.000 (or 1000 without a thousands separator)")]
    [InlineData("1,234.5", "without separators")]
    [InlineData("1 234", "without separators")]
    [InlineData("NaN", "digits with a decimal point")]
    [InlineData("Infinity", "digits with a decimal point")]
    [InlineData("abc", "digits with a decimal point")]
    public void Refuses_what_another_culture_would_read_with_a_hint(string text, string hint)
    {
        Assert.False(CliNumbers.TryReal(text, out _, out var problem));
        Assert.Contains($"'{text}' is not a number", problem);
        Assert.Contains(hint, problem);
    }

    [Theory]
    [InlineData("1,000", "write it without separators: 1000.")]
    [InlineData("4,0", "a whole number is expected")]
    [InlineData("2.5", "a whole number is expected")]
    public void Whole_numbers_take_no_separators_nor_decimals(string text, string hint)
    {
        Assert.False(CliNumbers.TryWhole<int>(text, out _, out var problem));
        Assert.Contains(hint, problem);
    }

    [Fact]
    public void A_whole_number_beyond_its_type_names_the_range()
    {
        Assert.False(CliNumbers.TryWhole<ulong>("-1", out _, out var problem));
        Assert.Contains("out of range (0 to 18446744073709551615)", problem);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("")]
    public void Parsing_ignores_the_current_culture(string culture)
    {
        using var scope = new CultureScope(culture);
        Assert.False(CliNumbers.TryReal("2,5", out _, out _));
        Assert.True(CliNumbers.TryReal("2.5", out var v, out _));
        Assert.Equal(2.5, v);
    }

    [Fact]
    public void The_cultures_of_these_tests_are_real_cultures()
    {
        // Without real culture data (invariant globalization) the culture tests above would prove nothing.
        Assert.Equal(",", new CultureInfo("de-DE").NumberFormat.NumberDecimalSeparator);
        Assert.Equal(",", new CultureInfo("fr-FR").NumberFormat.NumberDecimalSeparator);
    }

    [Theory]
    [InlineData("dose", "--total-gy", "30", "--fractions", "10", "--alpha-beta", "2,5")]
    [InlineData("dose", "--total-gy", "30", "--fractions", "1,0", "--alpha-beta", "2")]
    [InlineData("stats", "ci", "3", "10", "--method", "wilson", "--level", "0,95")]
    [InlineData("stats", "fisher", "1", "2", "3", "4,0")]
    [InlineData("stats", "sample-size-ni", "--p-treatment", "0,7", "--p-control", "0.7", "--margin", "-0.15", "--alpha", "0.025", "--power", "0.8")]
    public void Every_kind_of_number_on_the_command_line_refuses_a_decimal_comma(params string[] args)
    {
        foreach (var culture in new[] { "", "de-DE", "fr-FR" })
        {
            using var scope = new CultureScope(culture);
            var (o, e) = (new StringWriter(), new StringWriter());
            Assert.Equal(ExitCodes.InvalidInput, Program.Run(args, o, e));
            Assert.Contains("is not a", e.ToString());
            Assert.Equal("", o.ToString());
        }
    }

    [Fact]
    public void Output_is_the_same_under_every_culture()
    {
        string[][] commands =
        [
            ["dose", "--total-gy", "30", "--fractions", "10", "--alpha-beta", "2.5"],
            ["dose", "--total-gy", "30", "--fractions", "10", "--alpha-beta", "2.5", "--format", "json"],
            ["stats", "ci", "3", "10", "--method", "wilson", "--level", "0.95"],
            ["stats", "ci-diff", "30", "50", "25", "50", "--method", "newcombe", "--format", "text"],
            ["describe", ProtocolEngine.Tests.Support.RepoPaths.SeedProtocol],
        ];
        foreach (var args in commands)
        {
            var invariant = Run(args, "");
            Assert.Equal(0, invariant.Code);
            Assert.Matches(@"\d\.\d", invariant.Out);
            foreach (var culture in new[] { "de-DE", "fr-FR" })
                Assert.Equal(invariant, Run(args, culture));
        }
    }

    [Fact]
    public void A_fraction_dose_with_a_decimal_comma_is_refused_and_nothing_is_written()
    {
        using var h = new CliHarness();
        h.Ok("init");
        using var culture = new CultureScope("de-DE");
        var p = System.Text.Json.JsonDocument.Parse(h.Ok("participant", "add", "--site", "mch", "--initials", "AB", "--birth-year", "1961", "--sex", "female",
            "--consent-date", "2026-09-07", "--format", "json")).RootElement.GetProperty("id").GetString()!;
        var err = h.Refused("fraction", "record", "--participant", p, "--date", "2026-09-07", "--dose", "0,3");
        Assert.Contains("--dose: '0,3' is not a number; use a decimal point: 0.3", err);
        var err2 = h.Refused("assess", "--participant", p, "--visit", "baseline", "--date", "2026-09-07", "--pain", "7", "--analgesic", "oxycodone=2,5");
        Assert.Contains("use a decimal point: 2.5", err2);
        using var store = ProtocolEngine.Storage.LiteDb.LiteRecordStore.Open(h.DbPath, TrialFixture.Key);
        Assert.Equal(0, store.Read(r => r.Count<FractionRecord>()));
    }

    private static (int Code, string Out, string Err) Run(string[] args, string culture)
    {
        using var scope = new CultureScope(culture);
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = Program.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }
}

/// <summary>Sets the current culture (and UI culture) of this test's thread, and restores it.</summary>
internal sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture, _ui = CultureInfo.CurrentUICulture;

    public CultureScope(string name)
    {
        var c = name.Length == 0 ? CultureInfo.InvariantCulture : new CultureInfo(name);
        CultureInfo.CurrentCulture = c;
        CultureInfo.CurrentUICulture = c;
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _ui;
    }
}
