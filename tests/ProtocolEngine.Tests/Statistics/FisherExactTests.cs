using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Statistics;

/// <summary>
/// Reference values. Tea tasting [[3, 1], [1, 3]] (the example of R's ?fisher.test): fisher.test(tea, alternative =
/// "greater") p-value 0.2429, as the Penn State STAT 504 lesson prints it (stored page "Tea Tasting ... Output for One-Sided
/// Test", p-value 0.2429) and an RPubs walk-through of the same call ("p = 0.2429"); two-sided and less by hand from the
/// hypergeometric P(X = k) = 1, 16, 36, 16, 1 over 70: two-sided (1 + 16 + 16 + 1)/70 = 0.4857, less 1 - 1/70.
/// Convictions of twins [[2, 15], [10, 3]] (?fisher.test, Fisher 1962), less: by hand P(X &lt;= 2) for X hypergeometric
/// (30 twins, 12 convicted, 17 dizygotic) = (C(12,0)C(18,17) + C(12,1)C(18,16) + C(12,2)C(18,15)) / C(30,17) =
/// (18 + 1836 + 53856) / 119759850 = 0.00046518, the 0.0004652 R prints.
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
    public void Convictions_less_matches_R_and_the_hypergeometric_sum() =>
        Assert.Equal(55710.0 / 119759850, Plugin.FisherExactP(Table(2, 15, 10, 3), FisherAlternative.Less), 12);

    [Fact]
    public void A_table_of_zero_totals_is_refused() =>
        Assert.Contains("at least 1", Assert.Throws<ArgumentException>(() => Plugin.FisherExactP(new TwoByTwoTable(0, 0, 0, 0), FisherAlternative.TwoSided)).Message, StringComparison.Ordinal);
}
