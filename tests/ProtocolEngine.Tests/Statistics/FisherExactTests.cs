using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Statistics;

/// <summary>
/// Reference values: R's fisher.test. Tea tasting [[3, 1], [1, 3]] (Penn State STAT 504 lesson 3, TeaLady.out):
/// two-sided p = 0.4857, greater p = 0.2429; less = 1 - P(X = 4) = 1 - 1/70. Convictions of twins [[2, 15], [10, 3]]
/// (?fisher.test, Fisher 1962): less p = 0.0004652.
/// </summary>
public sealed class FisherExactTests
{
    private static IStatisticsPlugin Plugin => HostPlugins.Statistics;

    // Rows [[a, b], [c, d]] as the table of events / totals by arm.
    private static TwoByTwoTable Table(int a, int b, int c, int d) => new(a, a + b, c, c + d);

    [Theory]
    [InlineData(FisherAlternative.TwoSided, 0.4857)]
    [InlineData(FisherAlternative.Greater, 0.2429)]
    [InlineData(FisherAlternative.Less, 0.9857)]
    public void Tea_tasting_matches_R(FisherAlternative alternative, double p) =>
        Assert.Equal(p, Plugin.FisherExactP(Table(3, 1, 1, 3), alternative), 0.00006);

    [Fact]
    public void Two_sided_counts_the_tied_table_as_R_does()
    {
        // [[3,1],[1,3]]: P(X=k) = 1, 16, 36, 16, 1 over 70; the tables no more probable than 16/70 give (1+16+16+1)/70.
        Assert.Equal(34.0 / 70, Plugin.FisherExactP(Table(3, 1, 1, 3), FisherAlternative.TwoSided), 12);
        Assert.Equal(1.0 / 70, Plugin.FisherExactP(Table(4, 0, 0, 4), FisherAlternative.Greater), 12);
    }

    [Fact]
    public void Convictions_less_matches_R() =>
        Assert.Equal(0.0004652, Plugin.FisherExactP(Table(2, 15, 10, 3), FisherAlternative.Less), 0.0000001);

    [Fact]
    public void A_table_of_zero_totals_is_refused() =>
        Assert.Contains("at least 1", Assert.Throws<ArgumentException>(() => Plugin.FisherExactP(new TwoByTwoTable(0, 0, 0, 0), FisherAlternative.TwoSided)).Message, StringComparison.Ordinal);
}
