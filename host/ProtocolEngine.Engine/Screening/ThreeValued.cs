namespace ProtocolEngine.Engine.Screening;

/// <summary>
/// Combining verdicts. Any: met if one is met, else error if one failed, else unknown if one is
/// unknown, else not met. All: not met if one is not met, else error, else unknown, else met.
/// Status: ineligible as soon as one criterion excludes, whatever else is unknown.
/// </summary>
public static class ThreeValued
{
    public static Verdict Any(ReadOnlySpan<Verdict> verdicts)
    {
        var result = Verdict.NotMet;
        foreach (var v in verdicts)
        {
            if (v == Verdict.Met) return Verdict.Met;
            if (v == Verdict.Error) result = Verdict.Error;
            else if (v == Verdict.Unknown && result != Verdict.Error) result = Verdict.Unknown;
        }
        return result;
    }

    public static Verdict All(ReadOnlySpan<Verdict> verdicts)
    {
        var result = Verdict.Met;
        foreach (var v in verdicts)
        {
            if (v == Verdict.NotMet) return Verdict.NotMet;
            if (v == Verdict.Error) result = Verdict.Error;
            else if (v == Verdict.Unknown && result != Verdict.Error) result = Verdict.Unknown;
        }
        return result;
    }

    /// <summary>Folds one top-level criterion into the running status.</summary>
    public static ScreeningStatus Fold(ScreeningStatus status, CriterionKind kind, Verdict verdict)
    {
        if (status == ScreeningStatus.Ineligible) return status;
        var excludes = kind == CriterionKind.Inclusion ? verdict == Verdict.NotMet : verdict == Verdict.Met;
        if (excludes) return ScreeningStatus.Ineligible;
        return verdict is Verdict.Unknown or Verdict.Error ? ScreeningStatus.Incomplete : status;
    }
}
