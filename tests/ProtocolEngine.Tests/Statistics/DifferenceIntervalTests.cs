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
    public void An_arm_without_participants_is_refused_naming_the_arm()
    {
        var ex = Assert.Throws<ArgumentException>(() => Plugin.DifferenceInterval(new TwoByTwoTable(3, 10, 0, 0), 0.95, DifferenceIntervalMethod.Wald));
        Assert.Contains("control arm", ex.Message, StringComparison.Ordinal);
    }
}
