namespace ProtocolEngine.Engine.Screening;

/// <summary>The screening of one participant: the overall status and every criterion's result.</summary>
public sealed record ScreeningResult(ScreeningStatus Status, IReadOnlyList<CriterionResult> Criteria)
{
    /// <summary>Ids of the criteria that make the participant ineligible.</summary>
    public IReadOnlyList<string> Excluding => Criteria.Where(c => c.Excludes).Select(c => c.Id).ToList();

    /// <summary>Ids of the criteria still unknown or in error.</summary>
    public IReadOnlyList<string> Undecided => Criteria.Where(c => c.Verdict is Verdict.Unknown or Verdict.Error).Select(c => c.Id).ToList();
}
