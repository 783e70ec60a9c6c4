using System.Globalization;
using System.Text;

namespace ProtocolEngine.Engine.Reporting;

/// <summary>The report as plain text: aligned tables and the terminal chart, no colour and no escape codes.</summary>
public static class ReportText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(TrialReport r)
    {
        var b = new StringBuilder();
        b.AppendLine(r.Title);
        b.AppendLine(Inv, $"{r.Registration}; protocol version {r.ProtocolVersion}; data as of {r.AsOf:yyyy-MM-dd}");
        var armNames = r.Consort.Arms.Select(a => ReportFormat.ArmName(r, a.Arm)).ToList();

        Section(b, "1. Participant flow (CONSORT)");
        var c = r.Consort;
        b.AppendLine(Inv, $"Registered {c.Registered}; assessed for eligibility (screened) {c.Screened}");
        b.AppendLine(Inv, $"Not randomized: ineligible {c.Ineligible}, screening incomplete {c.ScreeningIncomplete}, eligible but not randomized {c.EligibleNotRandomized}");
        foreach (var reason in c.IneligibleReasons)
            b.AppendLine(Inv, $"  {reason.Id} {reason.Text} (n = {reason.Count})");
        b.AppendLine(Inv, $"Randomized {c.Randomized}");
        Table(b, ["", .. armNames], ConsortRows.Of(c).Select(row => (IReadOnlyList<string>)[row.Label, .. row.Values]).ToList());

        var p = r.Primary;
        Section(b, $"2. Primary endpoint: {p.Label}" + (p.TimePoint is { } tp ? $" (main analysis at {tp})" : ""));
        b.AppendLine("Responders = complete + partial response against " + p.Baseline + "; rate (" + Percent(p.ConfidenceLevel) + " CI); difference "
            + ReportFormat.ArmName(r, p.ExperimentalArm) + " - " + ReportFormat.ArmName(r, p.ControlArm)
            + (p.Margin is { } m ? $"; margin {ReportFormat.Points(m)} pp" : ""));
        foreach (var set in p.Sets)
        {
            b.AppendLine();
            b.AppendLine(Inv, $"{set.Label} ({set.Set}){(set.Primary ? ", the primary analysis set" : "")}");
            Table(b, ["visit", p.ExperimentalArm, p.ControlArm, "difference", "FM p", "conclusion"], set.Visits.Select(v => (IReadOnlyList<string>)
            [
                (v.IsTimePoint ? "* " : "") + v.Label, ReportFormat.Rate(v.Experimental), ReportFormat.Rate(v.Control), ReportFormat.Difference(v),
                ReportFormat.P(v.FarringtonManningP), v.IsTimePoint ? ReportFormat.Conclusion(v, p.Margin) : "",
            ]).ToList());
        }
        if (p.Sets.All(s => s.Visits.Count == 0))
            b.AppendLine("No follow-up assessment visit reached yet.");

        Section(b, "3. Adverse events (CTCAE v5.0): participants by worst grade");
        var ae = r.AdverseEvents;
        b.AppendLine("Denominators (randomized): " + string.Join(", ", ae.Denominators.Select(d => $"{ReportFormat.ArmName(r, d.Arm)} {d.Count}")));
        if (ae.Rows.Count == 0)
            b.AppendLine("No participant randomized yet.");
        else
            Table(b, ["term", .. ae.Denominators.SelectMany(d => (string[])[$"{d.Arm} n", "G1-G5"]), "Fisher p"], ae.Rows.Select(row => (IReadOnlyList<string>)
            [
                row.Term, .. row.Arms.SelectMany(a => (string[])[Affected(a, ae), $"{a.Grade1}/{a.Grade2}/{a.Grade3}/{a.Grade4}/{a.Grade5}"]), ReportFormat.P(row.FisherP),
            ]).ToList());

        Section(b, "4. Pain flare (daily diary against baseline)");
        Table(b, ["arm", "flares", "with a diary", "rise not returning (progression)", "no diary or baseline"], r.Flares.Select(f => (IReadOnlyList<string>)
        [
            ReportFormat.ArmName(r, f.Arm), f.Assessed == 0 ? $"0 ({ReportFormat.NotEstimable})" : $"{f.Flares} ({ReportFormat.Percent((double)f.Flares / f.Assessed)})",
            f.Assessed.ToString(Inv), f.Progressions.ToString(Inv), f.NotAssessed.ToString(Inv),
        ]).ToList());

        Section(b, "5. Mean worst pain by visit");
        b.AppendLine(TerminalChart.Draw(r));
        b.AppendLine();
        Table(b, ["visit", .. r.Arms.Select(a => $"{a.Id} mean (SD), n")], MeanRows(r));

        Section(b, "Methods");
        foreach (var line in Footnotes(r))
            b.AppendLine("- " + line);
        return b.ToString().TrimEnd();
    }

    /// <summary>The methods as sentences (shared with the markdown and html renderers).</summary>
    public static IReadOnlyList<string> Footnotes(TrialReport r)
    {
        var m = r.Methods;
        var p = r.Primary;
        var lines = new List<string>
        {
            $"Pain response by the International Consensus on Palliative Radiotherapy Endpoints (Chow et al. 2012), classified by the {m.PainResponsePlugin} plugin "
                + $"from worst pain and oral morphine equivalent daily dose against the {p.Baseline} assessment; responders = complete + partial response.",
            $"Rates with {Percent(p.ConfidenceLevel)} {m.RateInterval} intervals; the difference ({p.ExperimentalArm} - {p.ControlArm}) with the {Percent(p.ConfidenceLevel)} "
                + $"{m.DifferenceInterval} interval ({m.StatisticsPlugin} plugin): {m.Choice}.",
        };
        if (p.Margin is { } margin)
            lines.Add($"Non-inferiority margin {ReportFormat.Points(margin)} percentage points; non-inferior when the interval's lower bound lies above it "
                + $"(alpha {m.Alpha.ToString("0.###", Inv)}, {m.Sides}-sided); FM p: {m.NonInferiorityTest} against the margin."
                + (m.PlanMethod is { } pm ? $" The plan: {pm}." : ""));
        foreach (var s in m.AnalysisSets)
            lines.Add($"{s.Label} ({s.Id}{(s.Id == p.PrimarySet ? ", primary" : "")}): {s.Rules}." + (s.Description is { } d ? " " + d.Trim() : ""));
        foreach (var set in p.Sets)
            foreach (var v in set.Visits.Where(v => v.Note is not null))
                lines.Add($"{set.Label}, {v.Label}: {v.Note}");
        lines.Add($"Adverse events: each participant counted once per term at the worst grade recorded; {m.AdverseEventTest}.");
        lines.Add("Pain flare (Hird et al. 2009): a transient rise over baseline in the daily diary that returns to baseline, classified by the pain-response plugin; "
            + "a rise that does not return is counted as progression.");
        lines.Add("Mean worst pain: participants assessed at the visit (NRS 0-10); SD is the sample standard deviation.");
        return lines;
    }

    public static IReadOnlyList<IReadOnlyList<string>> MeanRows(TrialReport r) =>
        [.. r.MeanWorstPain.Select(p => (p.Visit, p.Occurrence, p.Label)).Distinct().Select(v => (IReadOnlyList<string>)
        [
            v.Label, .. r.Arms.Select(a => r.MeanWorstPain.FirstOrDefault(x => x.Visit == v.Visit && x.Occurrence == v.Occurrence && x.Arm == a.Id) is { } x && x.Mean is { } mean
                ? $"{ReportFormat.Number(mean)} ({ReportFormat.Number(x.Sd)}), {x.N}" : "-"),
        ])];

    private static string Affected(ArmGrades a, AdverseEventTable table)
    {
        var n = table.Denominators.FirstOrDefault(d => d.Arm == a.Arm)?.Count ?? 0;
        return n == 0 ? $"{a.Participants}" : $"{a.Participants} ({ReportFormat.Percent((double)a.Participants / n)})";
    }

    private static string Percent(double level) => (100 * level).ToString("0.#", Inv) + "%";

    private static void Section(StringBuilder b, string title)
    {
        b.AppendLine();
        b.AppendLine(title);
        b.AppendLine(new string('=', title.Length));
    }

    private static void Table(StringBuilder b, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = header.Select((h, i) => rows.Select(r => i < r.Count ? r[i].Length : 0).Append(h.Length).Max()).ToList();
        string Line(IReadOnlyList<string> cells) => string.Join("  ", cells.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd();
        b.AppendLine(Line(header));
        b.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
            b.AppendLine(Line(row));
    }
}
