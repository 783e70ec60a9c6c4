using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Statistics;

/// <summary>
/// Reference values: Newcombe RG (1998) "Interval estimation for the difference between independent proportions:
/// comparison of eleven methods", Stat Med 17:873-890, Table II, examples (a) 56/70 - 48/80 and (b) 9/10 - 3/10:
/// method 1 (Wald), 6 (Miettinen-Nurminen score), 10 (hybrid score), 11 (hybrid score, continuity corrected), 4 decimals.
/// The method-10 values are also those the R package propint tests against (ci.two.indep.props: 0.0524, 0.3339 and
/// 0.1705, 0.8090).
/// </summary>
public sealed class DifferenceIntervalTests
{
    private static IStatisticsPlugin Plugin => HostPlugins.Statistics;

    [Theory]
    [InlineData(56, 70, 48, 80, DifferenceIntervalMethod.Wald, 0.0575, 0.3425)]
    [InlineData(9, 10, 3, 10, DifferenceIntervalMethod.Wald, 0.2605, 0.9395)]
    [InlineData(56, 70, 48, 80, DifferenceIntervalMethod.Newcombe, 0.0524, 0.3339)]
    [InlineData(9, 10, 3, 10, DifferenceIntervalMethod.Newcombe, 0.1705, 0.8090)]
    [InlineData(56, 70, 48, 80, DifferenceIntervalMethod.NewcombeContinuityCorrected, 0.0428, 0.3422)]
    [InlineData(9, 10, 3, 10, DifferenceIntervalMethod.NewcombeContinuityCorrected, 0.1013, 0.8387)]
    [InlineData(56, 70, 48, 80, DifferenceIntervalMethod.MiettinenNurminen, 0.0528, 0.3382)]
    public void Matches_Newcombe_1998_table_II(int x1, int n1, int x2, int n2, DifferenceIntervalMethod method, double lower, double upper)
    {
        var ci = Plugin.DifferenceInterval(new TwoByTwoTable(x1, n1, x2, n2), 0.95, method);
        Assert.Equal((double)x1 / n1 - (double)x2 / n2, ci.Estimate, 12);
        Assert.Equal(lower, ci.Lower, 0.00006);
        Assert.Equal(upper, ci.Upper, 0.00006);
    }

    [Fact]
    public void Miettinen_Nurminen_of_10_of_10_against_0_of_20_reaches_one()
    {
        // cicalc's test snapshot "ci_prop_diff_mn matches the values in the paper": 10/10 - 0/20 -> (0.7156, 1).
        var ci = Plugin.DifferenceInterval(new TwoByTwoTable(10, 10, 0, 20), 0.95, DifferenceIntervalMethod.MiettinenNurminen);
        Assert.Equal(0.7156, ci.Lower, 0.00006);
        Assert.Equal(1.0, ci.Upper, 9);
    }

    [Fact]
    public void Miettinen_Nurminen_of_9_of_10_against_3_of_10_matches_Newcombe()
    {
        // Newcombe 1998 Table II example (b), method 6, as cicalc's test "ci_prop_diff_mn matches the values in the paper" quotes it: (0.1700, 0.8406).
        var ci = Plugin.DifferenceInterval(new TwoByTwoTable(9, 10, 3, 10), 0.95, DifferenceIntervalMethod.MiettinenNurminen);
        Assert.Equal(0.1700, ci.Lower, 0.00006);
        Assert.Equal(0.8406, ci.Upper, 0.00006);
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
