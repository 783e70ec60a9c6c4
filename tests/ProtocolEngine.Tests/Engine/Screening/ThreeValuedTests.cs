using ProtocolEngine.Engine.Screening;
using static ProtocolEngine.Engine.Screening.Verdict;

namespace ProtocolEngine.Tests.Engine.Screening;

public class ThreeValuedTests
{
    [Theory]
    [InlineData(new[] { NotMet, NotMet }, NotMet)]
    [InlineData(new[] { NotMet, Met }, Met)]
    [InlineData(new[] { Unknown, Met }, Met)]
    [InlineData(new[] { Error, Met }, Met)]
    [InlineData(new[] { Unknown, NotMet }, Unknown)]
    [InlineData(new[] { Unknown, Error }, Error)]
    public void Any_is_met_when_one_part_is_met_and_undecided_otherwise(Verdict[] parts, Verdict expected) =>
        Assert.Equal(expected, ThreeValued.Any(parts));

    [Theory]
    [InlineData(new[] { Met, Met }, Met)]
    [InlineData(new[] { Met, NotMet }, NotMet)]
    [InlineData(new[] { Unknown, NotMet }, NotMet)]
    [InlineData(new[] { Error, NotMet }, NotMet)]
    [InlineData(new[] { Unknown, Met }, Unknown)]
    [InlineData(new[] { Error, Unknown }, Error)]
    public void All_is_not_met_when_one_part_is_not_met_and_undecided_otherwise(Verdict[] parts, Verdict expected) =>
        Assert.Equal(expected, ThreeValued.All(parts));

    [Theory]
    [InlineData(CriterionKind.Inclusion, NotMet, ScreeningStatus.Ineligible)]
    [InlineData(CriterionKind.Inclusion, Met, ScreeningStatus.Eligible)]
    [InlineData(CriterionKind.Exclusion, Met, ScreeningStatus.Ineligible)]
    [InlineData(CriterionKind.Exclusion, NotMet, ScreeningStatus.Eligible)]
    [InlineData(CriterionKind.Exclusion, Unknown, ScreeningStatus.Incomplete)]
    [InlineData(CriterionKind.Inclusion, Error, ScreeningStatus.Incomplete)]
    public void Exclusions_exclude_when_met_and_inclusions_when_not_met(CriterionKind kind, Verdict verdict, ScreeningStatus expected) =>
        Assert.Equal(expected, ThreeValued.Fold(ScreeningStatus.Eligible, kind, verdict));

    [Fact]
    public void Ineligible_wins_over_incomplete_in_either_order()
    {
        var status = ThreeValued.Fold(ScreeningStatus.Eligible, CriterionKind.Inclusion, Unknown);
        Assert.Equal(ScreeningStatus.Ineligible, ThreeValued.Fold(status, CriterionKind.Exclusion, Met));
        Assert.Equal(ScreeningStatus.Ineligible, ThreeValued.Fold(ScreeningStatus.Ineligible, CriterionKind.Inclusion, Unknown));
    }
}
