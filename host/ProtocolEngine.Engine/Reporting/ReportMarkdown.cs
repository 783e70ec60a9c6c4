using System.Globalization;
using System.Text;

namespace ProtocolEngine.Engine.Reporting;

/// <summary>The report as markdown: the same sections as the text, as tables; mean worst pain as a table instead of a chart.</summary>
public static class ReportMarkdown
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(TrialReport r)
    {
        var b = new StringBuilder();
        b.AppendLine("# " + Escape(r.Title));
        b.AppendLine();
        b.AppendLine(Inv, $"{Escape(r.Registration)}; protocol version `{r.ProtocolVersion}`; data as of {r.AsOf:yyyy-MM-dd}.");
        var c = r.Consort;
        b.AppendLine();
        b.AppendLine("## Participant flow (CONSORT)");
        b.AppendLine();
        b.AppendLine(Inv, $"Registered {c.Registered}; assessed for eligibility {c.Screened}; ineligible {c.Ineligible}; screening incomplete {c.ScreeningIncomplete}; "
            + $"eligible but not randomized {c.EligibleNotRandomized}; randomized {c.Randomized}.");
        if (c.IneligibleReasons.Count > 0)
        {
            b.AppendLine();
            b.AppendLine("Ineligible by criterion (a participant may fail several):");
            b.AppendLine();
            foreach (var reason in c.IneligibleReasons)
                b.AppendLine(Inv, $"- {reason.Id} {Escape(reason.Text)} (n = {reason.Count})");
        }
        b.AppendLine();
        Table(b, ["", .. c.Arms.Select(a => ReportFormat.ArmName(r, a.Arm))], ConsortRows.Of(c).Select(row => (IReadOnlyList<string>)[row.Label.Trim(), .. row.Values]).ToList());

        var p = r.Primary;
        b.AppendLine();
        b.AppendLine("## Primary endpoint: " + Escape(p.Label));
        foreach (var set in p.Sets)
        {
            b.AppendLine();
            b.AppendLine(Inv, $"### {Escape(set.Label)} ({set.Set}){(set.Primary ? ", primary analysis set" : "")}");
            b.AppendLine();
            if (set.Visits.Count == 0) { b.AppendLine("No follow-up assessment visit reached yet."); continue; }
            Table(b, ["visit", p.ExperimentalArm, p.ControlArm, "difference (pp)", "FM p", "conclusion"], set.Visits.Select(v => (IReadOnlyList<string>)
            [
                v.IsTimePoint ? $"**{v.Label}**" : v.Label, ReportFormat.Rate(v.Experimental), ReportFormat.Rate(v.Control), ReportFormat.Difference(v),
                ReportFormat.P(v.FarringtonManningP), v.IsTimePoint ? ReportFormat.Conclusion(v, p.Margin) : "",
            ]).ToList());
        }

        var ae = r.AdverseEvents;
        b.AppendLine();
        b.AppendLine("## Adverse events (CTCAE v5.0)");
        b.AppendLine();
        b.AppendLine("Participants with the term, and by their worst grade (G1/G2/G3/G4/G5). Denominators: "
            + string.Join(", ", ae.Denominators.Select(d => $"{Escape(ReportFormat.ArmName(r, d.Arm))} {d.Count}")) + ".");
        b.AppendLine();
        if (ae.Rows.Count == 0)
            b.AppendLine("No participant randomized yet.");
        else
            Table(b, ["term", .. ae.Denominators.SelectMany(d => (string[])[$"{d.Arm} n", $"{d.Arm} G1/G2/G3/G4/G5"]), "Fisher p"], ae.Rows.Select(row => (IReadOnlyList<string>)
            [
                row.Any ? $"**{row.Term}**" : row.Term, .. row.Arms.SelectMany(a => (string[])[a.Participants.ToString(Inv), $"{a.Grade1}/{a.Grade2}/{a.Grade3}/{a.Grade4}/{a.Grade5}"]),
                ReportFormat.P(row.FisherP),
            ]).ToList());

        b.AppendLine();
        b.AppendLine("## Pain flare");
        b.AppendLine();
        Table(b, ["arm", "flares", "with a diary", "progression", "no diary or baseline"], r.Flares.Select(f => (IReadOnlyList<string>)
        [
            Escape(ReportFormat.ArmName(r, f.Arm)), f.Flares.ToString(Inv), f.Assessed.ToString(Inv), f.Progressions.ToString(Inv), f.NotAssessed.ToString(Inv),
        ]).ToList());

        b.AppendLine();
        b.AppendLine("## Mean worst pain by visit");
        b.AppendLine();
        if (r.MeanWorstPain.Count == 0)
            b.AppendLine("No pain assessments yet.");
        else
            Table(b, ["visit", .. r.Arms.Select(a => $"{a.Id} mean (SD), n")], ReportText.MeanRows(r));

        b.AppendLine();
        b.AppendLine("## Methods");
        b.AppendLine();
        foreach (var line in ReportText.Footnotes(r))
            b.AppendLine("- " + Escape(line));
        return b.ToString().TrimEnd();
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static void Table(StringBuilder b, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        b.AppendLine("| " + string.Join(" | ", header.Select(Escape)) + " |");
        b.AppendLine("|" + string.Concat(header.Select(_ => "---|")));
        foreach (var row in rows)
            b.AppendLine("| " + string.Join(" | ", row.Select(Escape)) + " |");
    }
}
