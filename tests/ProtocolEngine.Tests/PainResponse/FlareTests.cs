using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.PainResponse;

/// <summary>
/// Pain flare (Hird et al., IJROBP 2009;75(1):193-7, as quoted in ../shared/DOMAIN.md): "a 2-point rise
/// in worst pain over baseline with no decrease in analgesics, or a 25% rise in analgesics with no
/// decrease in worst pain, that returns to baseline within the 10-day follow-up (otherwise it is
/// progression)".
/// </summary>
public class FlareTests
{
    private static readonly DateOnly Day0 = new(2026, 9, 7);

    private static PainFlareResult Assess(int basePain, double baseOmed, params (int Pain, double Omed)[] days) =>
        HostPlugins.PainResponse.AssessFlare(new PainFlareRequest(new PainObservation(basePain, baseOmed),
            [.. days.Select((d, i) => new PainDiaryDay(Day0.AddDays(i), d.Pain, d.Omed))]));

    [Fact]
    public void Exactly_2_points_up_with_the_same_analgesics_then_back_is_a_flare()
    {
        var r = Assess(5, 20, (5, 20), (7, 20), (6, 20), (5, 20));
        Assert.Equal(PainFlareOutcome.Flare, r.Outcome);
        Assert.Equal(Day0.AddDays(1), r.Onset);
        Assert.Equal(Day0.AddDays(3), r.Resolved);
    }

    [Fact]
    public void One_point_up_is_no_flare() =>
        Assert.Equal(PainFlareOutcome.None, Assess(5, 20, (6, 20), (6, 20), (5, 20)).Outcome);

    // "with no decrease in analgesics": a 2-point rise while analgesics fall is not a flare.
    [Fact]
    public void Two_points_up_with_fewer_analgesics_is_no_flare() =>
        Assert.Equal(PainFlareOutcome.None, Assess(5, 20, (7, 10), (5, 10)).Outcome);

    // "or a 25% rise in analgesics with no decrease in worst pain"
    [Fact]
    public void Exactly_25_percent_more_analgesic_with_the_same_pain_then_back_is_a_flare() =>
        Assert.Equal(PainFlareOutcome.Flare, Assess(5, 40, (5, 50), (5, 40)).Outcome);

    [Fact]
    public void Twenty_five_percent_more_analgesic_with_less_pain_is_no_flare() =>
        Assert.Equal(PainFlareOutcome.None, Assess(5, 40, (4, 50), (4, 40)).Outcome);

    [Fact]
    public void Starting_analgesics_from_none_with_the_same_pain_then_stopping_is_a_flare() =>
        Assert.Equal(PainFlareOutcome.Flare, Assess(5, 0, (5, 10), (5, 0)).Outcome);

    // "that returns to baseline ... (otherwise it is progression)"
    [Fact]
    public void A_rise_that_has_not_returned_by_the_last_diary_day_is_progression()
    {
        var r = Assess(5, 20, (5, 20), (7, 20), (7, 20), (6, 20));
        Assert.Equal(PainFlareOutcome.Progression, r.Outcome);
        Assert.Equal(Day0.AddDays(1), r.Onset);
        Assert.Null(r.Resolved);
    }

    [Fact]
    public void A_flare_followed_by_a_rise_that_does_not_return_is_progression() =>
        Assert.Equal(PainFlareOutcome.Progression, Assess(5, 20, (7, 20), (5, 20), (8, 20)).Outcome);

    [Fact]
    public void An_empty_diary_has_no_flare() =>
        Assert.Equal(PainFlareOutcome.None, Assess(5, 20).Outcome);

    [Fact]
    public void Refuses_days_out_of_order_naming_the_day()
    {
        var days = new[] { new PainDiaryDay(Day0.AddDays(1), 5, 0), new PainDiaryDay(Day0, 5, 0) };
        var ex = Assert.Throws<ArgumentException>(() => HostPlugins.PainResponse.AssessFlare(new PainFlareRequest(new PainObservation(5, 0), days)));
        Assert.StartsWith("days[1]", ex.Message, StringComparison.Ordinal);
    }
}
