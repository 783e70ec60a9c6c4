using ProtocolEngine.Engine.Records.Model;

namespace ProtocolEngine.Engine.Records.Services;

/// <summary>Overall status from criterion verdicts: every inclusion met and no exclusion met.</summary>
public static class EligibilityRule
{
    public static EligibilityStatus Status(IEnumerable<CriterionVerdict> verdicts)
    {
        var list = verdicts.ToList();
        if (list.Any(v => (v.Kind == CriterionKind.Inclusion && v.Verdict == Verdict.NotMet) || (v.Kind == CriterionKind.Exclusion && v.Verdict == Verdict.Met)))
            return EligibilityStatus.Ineligible;
        return list.Any(v => v.Verdict is Verdict.Unknown or Verdict.Error) ? EligibilityStatus.Incomplete : EligibilityStatus.Eligible;
    }
}
