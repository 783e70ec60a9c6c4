namespace ProtocolEngine.Engine.Screening;

/// <summary>
/// The verdict on one criterion, with the variables whose absence made it unknown, the error of a
/// rule that threw, and the results of its parts when it has them.
/// </summary>
public sealed record CriterionResult(
    string Id,
    CriterionKind Kind,
    Verdict Verdict,
    IReadOnlyList<string> Missing,
    string? Message,
    IReadOnlyList<CriterionResult> Parts)
{
    /// <summary>True when this verdict alone makes the participant ineligible.</summary>
    public bool Excludes => Kind switch
    {
        CriterionKind.Inclusion => Verdict == Verdict.NotMet,
        CriterionKind.Exclusion => Verdict == Verdict.Met,
        _ => false,
    };
}
