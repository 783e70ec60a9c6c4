using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Statistics;

/// <summary>
/// Reference values: Newcombe RG (1998) "Two-sided confidence intervals for the single proportion: comparison of seven
/// methods", Stat Med 17:857-872, Table I (method 3 Wilson score, method 5 Clopper-Pearson exact), 4 decimals;
/// R 4.x binom.test(682, 925) (the Mendel example of ?binom.test) for Clopper-Pearson to 7 decimals.
/// </summary>
public sealed class ProportionIntervalTests
{
    private static IStatisticsPlugin Plugin => HostPlugins.Statistics;

    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Wilson_matches_Newcombe_1998_table_I(int x, int n, double lower, double upper)
    {
        var ci = Plugin.ProportionInterval(x, n, 0.95, ProportionIntervalMethod.Wilson);
        Assert.Equal(lower, ci.Lower, 0.00006);
        Assert.Equal(upper, ci.Upper, 0.00006);
    }

    [Theory]
    [InlineData(81, 263, 0.2527, 0.3676)]
    [InlineData(15, 148, 0.0578, 0.1617)]
    [InlineData(0, 20, 0.0000, 0.1684)]
    [InlineData(1, 29, 0.0009, 0.1776)]
    public void Clopper_Pearson_matches_Newcombe_1998_table_I(int x, int n, double lower, double upper)
    {
        var ci = Plugin.ProportionInterval(x, n, 0.95, ProportionIntervalMethod.ClopperPearson);
        Assert.Equal(lower, ci.Lower, 0.00006);
        Assert.Equal(upper, ci.Upper, 0.00006);
    }

    [Fact]
    public void Clopper_Pearson_matches_R_binom_test_682_of_925()
    {
        // R: binom.test(682, 925)$conf.int -> 0.7076683 0.7654066
        var ci = Plugin.ProportionInterval(682, 925, 0.95, ProportionIntervalMethod.ClopperPearson);
        Assert.Equal(0.7076683, ci.Lower, 0.0000001);
        Assert.Equal(0.7654066, ci.Upper, 0.0000001);
    }

    [Fact]
    public void All_events_give_an_upper_limit_of_one()
    {
        Assert.Equal(1.0, Plugin.ProportionInterval(20, 20, 0.95, ProportionIntervalMethod.Wilson).Upper);
        var cp = Plugin.ProportionInterval(20, 20, 0.95, ProportionIntervalMethod.ClopperPearson);
        Assert.Equal(1.0, cp.Upper);
        Assert.Equal(1 - 0.1684, cp.Lower, 0.00006); // the mirror of 0/20 in Newcombe's table I
    }

    [Theory]
    [InlineData(0, 0, "at least 1")]
    [InlineData(5, 4, "5 events out of 4")]
    [InlineData(-1, 4, "-1 events out of 4")]
    public void Impossible_counts_are_refused_with_the_reason(int x, int n, string part)
    {
        var ex = Assert.Throws<ArgumentException>(() => Plugin.ProportionInterval(x, n, 0.95, ProportionIntervalMethod.Wilson));
        Assert.Contains(part, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_level_outside_zero_one_is_refused() =>
        Assert.Contains("outside (0, 1)", Assert.Throws<ArgumentException>(() => Plugin.ProportionInterval(3, 10, 95)).Message, StringComparison.Ordinal);
}
