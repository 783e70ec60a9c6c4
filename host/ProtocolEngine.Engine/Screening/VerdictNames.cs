using ProtocolEngine.Engine.Loading;

namespace ProtocolEngine.Engine.Screening;

/// <summary>How verdicts, kinds and statuses are written: kebab-case (met, not-met, unknown, error).</summary>
public static class VerdictNames
{
    public static string Of(Verdict v) => Naming.EnumValue(v);
    public static string Of(CriterionKind k) => Naming.EnumValue(k);
    public static string Of(ScreeningStatus s) => Naming.EnumValue(s);

    public static bool TryParseVerdict(string text, out Verdict verdict)
    {
        foreach (var v in Enum.GetValues<Verdict>())
            if (Of(v) == text) { verdict = v; return true; }
        verdict = default;
        return false;
    }

    public static bool TryParseStatus(string text, out ScreeningStatus status)
    {
        foreach (var s in Enum.GetValues<ScreeningStatus>())
            if (Of(s) == text) { status = s; return true; }
        status = default;
        return false;
    }
}
