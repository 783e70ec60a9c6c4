using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Statistics;

/// <summary>
/// Reference values: Newcombe RG (1998) "Interval estimation for the difference between independent proportions:
/// comparison of eleven methods", Stat Med 17:873-890, Table II, all eight examples (a)-(h), 4 decimals, for method 1
/// (Wald), 6 (Miettinen-Nurminen score), 10 (hybrid score, "wilson") and 11 (hybrid score with continuity correction,
/// "wilson-cc"), as the Python package diff-binom-confint transcribes the table for its tests
/// (DeepPSP/DBCI, test/test-data/newcombee.csv). The same values are quoted elsewhere: R propint's test
/// (m-Py/propint, tests/testthat/test_Two_Independent_Props_CI.R: method 10 of (a) 0.0524-0.3339 and (b) 0.1705-0.8090),
/// R cicalc's tests (GSK-Biostatistics/cicalc, tests/testthat/test-prop_ci_mn.R: method 6 of (a), (b) and (f) "matches the
/// values in the paper"; _snaps/prop_ci_diff.md: ci_prop_diff_wald of (a) 0.0575-0.3425), and R ratesci's test
/// ("legacy methods match published examples": scoreCI(5, 56, 0, 29, skew = FALSE) -0.0326, 0.1933 for method 6 of (d)).
/// </summary>
public sealed class DifferenceIntervalTests
{
    private static IStatisticsPlugin Plugin => HostPlugins.Statistics;

    [Theory]
    [InlineData(56, 70, 48, 80, DifferenceIntervalMethod.Wald, 0.0575, 0.3425)]
    [InlineData(9, 10, 3, 10, DifferenceIntervalMethod.Wald, 0.2605, 0.9395)]
    [InlineData(6, 7, 2, 7, DifferenceIntervalMethod.Wald, 0.1481, 0.9947)]
    [InlineData(5, 56, 0, 29, DifferenceIntervalMethod.Wald, 0.0146, 0.164)]
    [InlineData(0, 10, 0, 20, DifferenceIntervalMethod.Wald, 0.0, 0.0)]
    [InlineData(0, 10, 0, 10, DifferenceIntervalMethod.Wald, 0.0, 0.0)]
    [InlineData(10, 10, 0, 20, DifferenceIntervalMethod.Wald, 1.0, 1.0)]
    [InlineData(10, 10, 0, 10, DifferenceIntervalMethod.Wald, 1.0, 1.0)]
    [InlineData(56, 70, 48, 80, DifferenceIntervalMethod.MiettinenNurminen, 0.0528, 0.3382)]
    [InlineData(9, 10, 3, 10, DifferenceIntervalMethod.MiettinenNurminen, 0.17, 0.8406)]
    [InlineData(6, 7, 2, 7, DifferenceIntervalMethod.MiettinenNurminen, 0.0342, 0.8534)]
    [InlineData(5, 56, 0, 29, DifferenceIntervalMethod.MiettinenNurminen, -0.0326, 0.1933)]
    [InlineData(0, 10, 0, 20, DifferenceIntervalMethod.MiettinenNurminen, -0.1658, 0.2844)]
    [InlineData(0, 10, 0, 10, DifferenceIntervalMethod.MiettinenNurminen, -0.2879, 0.2879)]
    [InlineData(10, 10, 0, 20, DifferenceIntervalMethod.MiettinenNurminen, 0.7156, 1.0)]
    [InlineData(10, 10, 0, 10, DifferenceIntervalMethod.MiettinenNurminen, 0.6636, 1.0)]
    [InlineData(56, 70, 48, 80, DifferenceIntervalMethod.Newcombe, 0.0524, 0.3339)]
    [InlineData(9, 10, 3, 10, DifferenceIntervalMethod.Newcombe, 0.1705, 0.809)]
    [InlineData(6, 7, 2, 7, DifferenceIntervalMethod.Newcombe, 0.0582, 0.8062)]
    [InlineData(5, 56, 0, 29, DifferenceIntervalMethod.Newcombe, -0.0381, 0.1926)]
    [InlineData(0, 10, 0, 20, DifferenceIntervalMethod.Newcombe, -0.1611, 0.2775)]
    [InlineData(0, 10, 0, 10, DifferenceIntervalMethod.Newcombe, -0.2775, 0.2775)]
    [InlineData(10, 10, 0, 20, DifferenceIntervalMethod.Newcombe, 0.6791, 1.0)]
    [InlineData(10, 10, 0, 10, DifferenceIntervalMethod.Newcombe, 0.6075, 1.0)]
    [InlineData(56, 70, 48, 80, DifferenceIntervalMethod.NewcombeContinuityCorrected, 0.0428, 0.3422)]
    [InlineData(9, 10, 3, 10, DifferenceIntervalMethod.NewcombeContinuityCorrected, 0.1013, 0.8387)]
    [InlineData(6, 7, 2, 7, DifferenceIntervalMethod.NewcombeContinuityCorrected, -0.029, 0.8423)]
    [InlineData(5, 56, 0, 29, DifferenceIntervalMethod.NewcombeContinuityCorrected, -0.0667, 0.2037)]
    [InlineData(0, 10, 0, 20, DifferenceIntervalMethod.NewcombeContinuityCorrected, -0.2005, 0.3445)]
    [InlineData(0, 10, 0, 10, DifferenceIntervalMethod.NewcombeContinuityCorrected, -0.3445, 0.3445)]
    [InlineData(10, 10, 0, 20, DifferenceIntervalMethod.NewcombeContinuityCorrected, 0.6014, 1.0)]
    [InlineData(10, 10, 0, 10, DifferenceIntervalMethod.NewcombeContinuityCorrected, 0.5128, 1.0)]
    public void Matches_Newcombe_1998_table_II(int x1, int n1, int x2, int n2, DifferenceIntervalMethod method, double lower, double upper)
    {
        var ci = Plugin.DifferenceInterval(new TwoByTwoTable(x1, n1, x2, n2), 0.95, method);
        Assert.Equal((double)x1 / n1 - (double)x2 / n2, ci.Estimate, 12);
        Assert.Equal(lower, ci.Lower, 0.00006);
        Assert.Equal(upper, ci.Upper, 0.00006);
    }

    [Fact]
    public void Wald_is_the_textbook_formula()
    {
        // 9/10 - 3/10 by hand: d = 0.6, se = sqrt(0.9 x 0.1 / 10 + 0.3 x 0.7 / 10) = sqrt(0.03); limits d -/+ 1.959964 se.
        var ci = Plugin.DifferenceInterval(new TwoByTwoTable(9, 10, 3, 10), 0.95, DifferenceIntervalMethod.Wald);
        Assert.Equal(0.6 - 1.959963984540054 * Math.Sqrt(0.03), ci.Lower, 12);
        Assert.Equal(0.6 + 1.959963984540054 * Math.Sqrt(0.03), ci.Upper, 12);
    }

    [Fact]
    public void Miettinen_Nurminen_of_1_of_1_against_0_of_5_no_longer_fails_and_mirrors()
    {
        // Was a Brent bracketing error: at delta = d = 1 the restricted variance is 0 and the statistic 0/0.
        var ci = Plugin.DifferenceInterval(new TwoByTwoTable(1, 1, 0, 5), 0.95, DifferenceIntervalMethod.MiettinenNurminen);
        var mirror = Plugin.DifferenceInterval(new TwoByTwoTable(0, 1, 5, 5), 0.95, DifferenceIntervalMethod.MiettinenNurminen);
        Assert.Equal(1.0, ci.Upper, 9);
        Assert.InRange(ci.Lower, -1, 1);
        Assert.True(ci.Lower < 1, "1 of 1 against 0 of 5 cannot exclude every difference below 1");
        Assert.Equal(-ci.Lower, mirror.Upper, 9);
        Assert.Equal(-1.0, mirror.Lower, 9);
    }

    [Fact]
    public void Miettinen_Nurminen_holds_on_every_table_up_to_12_per_arm()
    {
        // Property over all 0 <= x1 <= n1, 0 <= x2 <= n2, 1 <= n1, n2 <= 12: no exception, inside [-1, 1], contains d,
        // and swapping the arms mirrors the interval (the score statistic is symmetric in the arms).
        for (var n1 = 1; n1 <= 12; n1++)
        {
            for (var n2 = 1; n2 <= 12; n2++)
            {
                for (var x1 = 0; x1 <= n1; x1++)
                {
                    for (var x2 = 0; x2 <= n2; x2++)
                    {
                        var ci = Plugin.DifferenceInterval(new TwoByTwoTable(x1, n1, x2, n2), 0.95, DifferenceIntervalMethod.MiettinenNurminen);
                        var d = (double)x1 / n1 - (double)x2 / n2;
                        var where = $"{x1}/{n1} - {x2}/{n2}: ({ci.Lower}, {ci.Upper})";
                        Assert.True(ci.Lower >= -1 && ci.Upper <= 1, where);
                        Assert.True(ci.Lower <= d + 1e-12 && d <= ci.Upper + 1e-12, where);
                        Assert.True(ci.Lower < ci.Upper, where);
                        var swapped = Plugin.DifferenceInterval(new TwoByTwoTable(x2, n2, x1, n1), 0.95, DifferenceIntervalMethod.MiettinenNurminen);
                        Assert.True(Math.Abs(swapped.Lower + ci.Upper) < 1e-7 && Math.Abs(swapped.Upper + ci.Lower) < 1e-7, where + $" swapped ({swapped.Lower}, {swapped.Upper})");
                    }
                }
            }
        }
    }

    [Fact]
    public void An_arm_without_participants_is_refused_naming_the_arm()
    {
        var ex = Assert.Throws<ArgumentException>(() => Plugin.DifferenceInterval(new TwoByTwoTable(3, 10, 0, 0), 0.95, DifferenceIntervalMethod.Wald));
        Assert.Contains("control arm", ex.Message, StringComparison.Ordinal);
    }
}
