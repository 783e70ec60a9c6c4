using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Plugins.Escalation;

/// <summary>
/// The standard 3+3 (Storer 1989's "A" rule as usually run): cohorts of 3; 0/3 escalate; 1/3 treat 3 more at the
/// same dose; at most 1/6 escalate; 2 or more DLTs (of 3 or of 6) stop escalating: the next lower dose is the MTD
/// if 6 were treated there, otherwise it gets 3 more first (so the MTD is always the highest dose with at most
/// 1 DLT among 6). At the highest dose a 0/3 or 1/3 is expanded to 6, and at most 1/6 there makes it the MTD.
/// At the lowest dose 2 or more DLTs stop the trial with no MTD.
/// </summary>
internal static class ThreePlusThree
{
    public const string Name = "3+3";

    /// <summary>The decision after the last cohort, at <paramref name="current"/> (0-based) of <paramref name="n"/>, <paramref name="y"/>.</summary>
    public static (DoseAction Action, int Next, int? Mtd, string Reason) Decide(int current, ReadOnlySpan<int> n, ReadOnlySpan<int> y)
    {
        var top = n.Length - 1;
        int c = current, nc = n[c], yc = y[c];
        if (nc > 6)
            throw new ArgumentException($"3+3 treats at most 6 at a dose; level {c + 1} has {nc}.");
        if (yc >= 2)
        {
            if (c == 0)
                return (DoseAction.Stop, -1, null, $"{yc}/{nc} DLT at the lowest dose: stop, no MTD.");
            if (n[c - 1] >= 6)
                return (DoseAction.Stop, -1, c - 1, $"{yc}/{nc} DLT at level {c + 1}; level {c} had {y[c - 1]}/{n[c - 1]}: stop, MTD is level {c}.");
            return (DoseAction.DeEscalate, c - 1, null, $"{yc}/{nc} DLT at level {c + 1}: de-escalate to level {c} to treat 3 more there (the MTD needs 6 treated).");
        }
        if (nc % 3 != 0)
            return (DoseAction.Stay, c, null, $"{nc} treated at level {c + 1}: complete the cohort of 3.");
        var nextToxic = c < top && y[c + 1] >= 2;
        if (nc == 3)
        {
            if (yc == 0 && c < top && !nextToxic)
                return (DoseAction.Escalate, c + 1, null, $"0/3 DLT at level {c + 1}: escalate to level {c + 2}.");
            var why = yc == 1 ? "1/3 DLT" : c == top ? "0/3 DLT at the highest dose" : "0/3 DLT below a dose with 2 or more DLTs";
            return (DoseAction.Stay, c, null, $"{why} at level {c + 1}: treat 3 more there.");
        }
        if (c < top && !nextToxic)
            return (DoseAction.Escalate, c + 1, null, $"{yc}/6 DLT at level {c + 1}: escalate to level {c + 2}.");
        return (DoseAction.Stop, -1, c, c == top
            ? $"{yc}/6 DLT at the highest dose: stop, MTD is level {c + 1}."
            : $"{yc}/6 DLT at level {c + 1}, level {c + 2} had {y[c + 1]}/{n[c + 1]}: stop, MTD is level {c + 1}.");
    }

    /// <summary>The 3+3 table: for 3 and 6 treated, the counts that escalate, de-escalate (stop) and, as "eliminate", the same 2.</summary>
    public static EscalationBoundaries Boundaries() =>
        new(Name, null, null, [new EscalationBoundaryRow(3, 0, 2, 2), new EscalationBoundaryRow(6, 1, 2, 2)]);
}
