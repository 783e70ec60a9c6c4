namespace ProtocolEngine.Engine.Screening;

/// <summary>What a stored screening concluded: one verdict per criterion and the overall status.</summary>
public sealed record ScreeningOutcome
{
    public ScreeningStatus Status { get; init; }
    public IReadOnlyList<CriterionVerdict> Verdicts { get; init; } = [];

    /// <summary>The outcome of verdicts decided outside the screener (attestations, no evaluator): the status folded as the screener folds it.</summary>
    public static ScreeningOutcome Of(IReadOnlyList<CriterionVerdict> verdicts) => new()
    {
        Status = verdicts.Aggregate(ScreeningStatus.Eligible, (status, v) => ThreeValued.Fold(status, v.Kind, v.Verdict)),
        Verdicts = verdicts,
    };
}
