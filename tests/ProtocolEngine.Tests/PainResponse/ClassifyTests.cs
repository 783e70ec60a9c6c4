using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.PainResponse;

/// <summary>
/// The consensus' response definitions (Chow et al., IJROBP 2012;82(5):1730-7, as quoted in
/// ../shared/DOMAIN.md), one boundary per sentence, through the plugin as the host loads it.
/// </summary>
public class ClassifyTests
{
    private static PainResponseResult Classify(int basePain, double baseOmed, int pain, double omed) =>
        HostPlugins.PainResponse.Classify(new PainResponseRequest(new PainObservation(basePain, baseOmed), new PainObservation(pain, omed)));

    // "Complete response: pain 0 with no concomitant increase in analgesic intake."
    [Theory]
    [InlineData(6, 30, 0, 30)] // stable analgesics
    [InlineData(6, 30, 0, 10)] // reduced analgesics
    [InlineData(6, 0, 0, 0)]   // none before, none after
    public void Pain_0_without_more_analgesics_is_a_complete_response(int bp, double bo, int p, double o) =>
        Assert.Equal(PainResponseCategory.CompleteResponse, Classify(bp, bo, p, o).Category);

    // Same sentence: pain 0 WITH an increase is not a complete response, nor a partial one
    // ("without analgesic increase"), nor progression (pain is below baseline): indeterminate.
    [Theory]
    [InlineData(6, 30, 0, 30.5)]
    [InlineData(6, 0, 0, 10)] // OMED 0 at baseline: any analgesic is an increase
    public void Pain_0_with_increased_analgesics_is_indeterminate(int bp, double bo, int p, double o) =>
        Assert.Equal(PainResponseCategory.Indeterminate, Classify(bp, bo, p, o).Category);

    // "Partial response: pain reduction of >= 2 points without analgesic increase"
    [Fact]
    public void Exactly_2_points_down_with_stable_analgesics_is_a_partial_response()
    {
        var r = Classify(6, 30, 4, 30);
        Assert.Equal(PainResponseCategory.PartialResponse, r.Category);
        Assert.True(r.Responder);
    }

    [Fact]
    public void One_point_down_with_stable_analgesics_is_indeterminate() =>
        Assert.Equal(PainResponseCategory.Indeterminate, Classify(6, 30, 5, 30).Category);

    [Fact]
    public void Two_points_down_with_any_analgesic_increase_is_not_a_partial_response() =>
        Assert.Equal(PainResponseCategory.Indeterminate, Classify(6, 30, 4, 31).Category);

    // "... or analgesic reduction of >= 25% from baseline without an increase in pain."
    [Theory]
    [InlineData(40, 30)]   // exactly 25%
    [InlineData(60, 45)]   // exactly 25%
    [InlineData(0.3, 0.225)] // exactly 25% of a decimal dose
    public void Exactly_25_percent_less_analgesic_with_the_same_pain_is_a_partial_response(double bo, double o) =>
        Assert.Equal(PainResponseCategory.PartialResponse, Classify(5, bo, 5, o).Category);

    [Fact]
    public void Just_under_25_percent_less_analgesic_is_indeterminate() =>
        Assert.Equal(PainResponseCategory.Indeterminate, Classify(5, 40, 5, 30.1).Category);

    [Fact]
    public void Analgesic_reduction_with_more_pain_is_not_a_partial_response() =>
        Assert.NotEqual(PainResponseCategory.PartialResponse, Classify(5, 40, 6, 20).Category);

    [Fact]
    public void With_no_analgesics_at_baseline_no_reduction_is_possible() =>
        Assert.Equal(PainResponseCategory.Indeterminate, Classify(5, 0, 5, 0).Category);

    // "Pain progression: increase of >= 2 points above baseline with stable OMED"
    [Fact]
    public void Exactly_2_points_up_with_stable_analgesics_is_progression()
    {
        var r = Classify(4, 30, 6, 30);
        Assert.Equal(PainResponseCategory.Progression, r.Category);
        Assert.False(r.Responder);
    }

    [Fact]
    public void One_point_up_with_stable_analgesics_is_indeterminate() =>
        Assert.Equal(PainResponseCategory.Indeterminate, Classify(4, 30, 5, 30).Category);

    // "... or an increase of >= 25% in OMED with pain stable or 1 point above baseline."
    [Theory]
    [InlineData(4, 40, 4, 50)] // exactly 25%, pain stable
    [InlineData(4, 40, 5, 50)] // exactly 25%, pain 1 point above
    [InlineData(4, 0, 4, 5)]   // OMED 0 at baseline: starting analgesics is the rise
    public void Exactly_25_percent_more_analgesic_with_pain_stable_or_1_up_is_progression(int bp, double bo, int p, double o) =>
        Assert.Equal(PainResponseCategory.Progression, Classify(bp, bo, p, o).Category);

    [Fact]
    public void Under_25_percent_more_analgesic_with_stable_pain_is_indeterminate() =>
        Assert.Equal(PainResponseCategory.Indeterminate, Classify(4, 40, 4, 49.9).Category);

    [Fact]
    public void More_analgesic_with_less_pain_is_indeterminate() =>
        Assert.Equal(PainResponseCategory.Indeterminate, Classify(4, 40, 3, 60).Category);

    // "Indeterminate response: anything not captured above." and "Responders = CR + PR."
    [Fact]
    public void Only_complete_and_partial_responses_are_responders()
    {
        Assert.True(Classify(6, 30, 0, 30).Responder);
        Assert.True(Classify(6, 30, 4, 30).Responder);
        Assert.False(Classify(6, 30, 6, 30).Responder);
        Assert.False(Classify(4, 30, 7, 30).Responder);
    }

    [Theory]
    [InlineData(11, 0, "baseline.worst_pain")]
    [InlineData(-1, 0, "baseline.worst_pain")]
    [InlineData(5, -1, "baseline.omed_mg")]
    [InlineData(5, double.NaN, "baseline.omed_mg")]
    public void Refuses_values_outside_the_scales_naming_the_field(int pain, double omed, string field)
    {
        var ex = Assert.Throws<ArgumentException>(() => Classify(pain, omed, 3, 0));
        Assert.StartsWith(field, ex.Message, StringComparison.Ordinal);
    }
}
