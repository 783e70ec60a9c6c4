using System.Globalization;
using System.Net;
using System.Text;
using ProtocolEngine.Engine.Reporting;

namespace ProtocolEngine.Reporting.Html;

/// <summary>
/// The report as one self-contained html page laid out like a results section: the CONSORT figure, the primary
/// endpoint table by analysis set, the adverse events table, pain flares, the mean worst pain figure (ScottPlot, inline
/// SVG) and the methods as footnotes.
/// </summary>
public static class HtmlReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(TrialReport r)
    {
        var b = new StringBuilder();
        b.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(r.Title)).Append(" - results</title><style>")
            .Append(Style).Append("</style></head><body><main>");
        b.Append("<h1>").Append(E(r.Title)).Append("</h1>");
        b.Append(Inv, $"<p class=\"meta\">{E(r.Registration)} · protocol version <code>{E(r.ProtocolVersion)}</code> · data as of {r.AsOf:yyyy-MM-dd}</p>");
        b.Append("<h2>Results</h2>");
        Summary(b, r);

        b.Append("<figure class=\"consort\">").Append(ConsortDiagram.Svg(r))
            .Append("<figcaption><b>Figure 1.</b> Participant flow (CONSORT). A participant may fail more than one eligibility criterion.</figcaption></figure>");

        Primary(b, r);
        AdverseEvents(b, r);
        Flares(b, r);

        b.Append("<figure class=\"chart\">");
        if (r.MeanWorstPain.Count == 0)
            b.Append("<p class=\"empty\">No pain assessments yet.</p>");
        else
            b.Append(PainChart.Svg(r));
        b.Append("<figcaption><b>Figure 2.</b> Mean worst pain (NRS 0-10) by visit in each arm, participants assessed at the visit; bars: one standard deviation.</figcaption></figure>");

        b.Append("<section class=\"notes\"><h3>Methods and notes</h3><ol>");
        foreach (var line in ReportText.Footnotes(r))
            b.Append("<li>").Append(E(line)).Append("</li>");
        b.Append("</ol></section></main></body></html>\n");
        return b.ToString();
    }

    private static void Summary(StringBuilder b, TrialReport r)
    {
        var c = r.Consort;
        var p = r.Primary;
        var main = p.Sets.FirstOrDefault(s => s.Primary) ?? p.Sets.FirstOrDefault();
        var at = main?.Visits.FirstOrDefault(v => v.IsTimePoint);
        if (c.Screened == 0 && c.Randomized == 0)
        {
            b.Append("<p>No participant has been screened yet: every count below is zero and no rate is estimable.</p>");
            return;
        }
        b.Append(Inv, $"<p>Of {c.Screened} participants assessed for eligibility, {c.Ineligible} were ineligible and {c.Randomized} were randomized (")
            .Append(string.Join(", ", c.Arms.Select(a => $"{a.Randomized} to {E(ReportFormat.ArmName(r, a.Arm))}"))).Append(").");
        if (at is not null && main is not null)
            b.Append(Inv, $" At {E(at.Label)}, in the {E(main.Label.ToLowerInvariant())} set, pain relief was {E(ReportFormat.Rate(at.Experimental))} with {E(ReportFormat.ArmName(r, p.ExperimentalArm))} ")
                .Append(Inv, $"and {E(ReportFormat.Rate(at.Control))} with {E(ReportFormat.ArmName(r, p.ControlArm))}; difference {E(ReportFormat.Difference(at))}: ")
                .Append(E(ReportFormat.Conclusion(at, p.Margin))).Append('.');
        else
            b.Append(" No participant has reached the primary time point yet.");
        b.Append("</p>");
    }

    private static void Primary(StringBuilder b, TrialReport r)
    {
        var p = r.Primary;
        b.Append(Inv, $"<table class=\"results\"><caption><b>Table 1.</b> {E(p.Label)}: responders (complete + partial response) by arm, with {Level(p.ConfidenceLevel)} confidence intervals, "
            + $"and the difference {E(ReportFormat.ArmName(r, p.ExperimentalArm))} - {E(ReportFormat.ArmName(r, p.ControlArm))} in percentage points")
            .Append(p.Margin is { } m ? $" against the non-inferiority margin of {ReportFormat.Points(m)} points" : "").Append(", by analysis set. The main analysis is marked ▸.</caption>");
        b.Append(Inv, $"<thead><tr><th>Analysis set / visit</th><th>{E(ReportFormat.ArmName(r, p.ExperimentalArm))}<br><span class=\"sub\">n/N, % (95% CI)</span></th>")
            .Append(Inv, $"<th>{E(ReportFormat.ArmName(r, p.ControlArm))}<br><span class=\"sub\">n/N, % (95% CI)</span></th><th>Difference, pp (95% CI)</th><th>FM p<sup>a</sup></th><th>Conclusion</th></tr></thead><tbody>");
        foreach (var set in p.Sets)
        {
            b.Append(Inv, $"<tr class=\"set\"><th colspan=\"6\">{E(set.Label)} ({E(set.Set)}){(set.Primary ? " - primary analysis set" : "")}</th></tr>");
            if (set.Visits.Count == 0)
                b.Append("<tr><td colspan=\"6\" class=\"empty\">No follow-up visit reached yet.</td></tr>");
            foreach (var v in set.Visits)
                b.Append(Inv, $"<tr{(v.IsTimePoint ? " class=\"main\"" : "")}><td>{(v.IsTimePoint ? "▸ " : "")}{E(v.Label)}</td><td>{E(ReportFormat.Rate(v.Experimental))}</td><td>{E(ReportFormat.Rate(v.Control))}</td>")
                    .Append(Inv, $"<td>{E(ReportFormat.Difference(v))}</td><td>{E(ReportFormat.P(v.FarringtonManningP))}</td><td class=\"wrap\">{(v.IsTimePoint ? E(ReportFormat.Conclusion(v, p.Margin)) : "")}</td></tr>");
        }
        b.Append("</tbody><tfoot><tr><td colspan=\"6\"><sup>a</sup> One-sided Farrington-Manning test of H0: difference ≤ margin. CI methods and the analysis sets: see the notes.</td></tr></tfoot></table>");
    }

    private static void AdverseEvents(StringBuilder b, TrialReport r)
    {
        var ae = r.AdverseEvents;
        b.Append("<table class=\"results ae\"><caption><b>Table 2.</b> Adverse events (CTCAE v5.0) by term: participants with the term, and by their worst grade, per arm; "
            + "Fisher's exact test (two-sided).</caption><thead><tr><th rowspan=\"2\">Term</th>");
        foreach (var d in ae.Denominators)
            b.Append(Inv, $"<th colspan=\"6\">{E(ReportFormat.ArmName(r, d.Arm))} (N = {d.Count})</th>");
        b.Append("<th rowspan=\"2\">p</th></tr><tr>");
        foreach (var _ in ae.Denominators)
            b.Append("<th>any, n (%)</th><th>G1</th><th>G2</th><th>G3</th><th>G4</th><th>G5</th>");
        b.Append("</tr></thead><tbody>");
        if (ae.Rows.Count == 0)
            b.Append(Inv, $"<tr><td colspan=\"{2 + 6 * ae.Denominators.Count}\" class=\"empty\">No participant randomized yet.</td></tr>");
        foreach (var row in ae.Rows)
        {
            b.Append(Inv, $"<tr{(row.Any ? " class=\"any\"" : "")}><td>{E(row.Term)}</td>");
            foreach (var a in row.Arms)
            {
                var n = ae.Denominators.FirstOrDefault(d => d.Arm == a.Arm)?.Count ?? 0;
                b.Append(Inv, $"<td>{a.Participants}{(n > 0 ? $" ({E(ReportFormat.Percent((double)a.Participants / n))})" : "")}</td><td>{a.Grade1}</td><td>{a.Grade2}</td><td>{a.Grade3}</td><td>{a.Grade4}</td><td>{a.Grade5}</td>");
            }
            b.Append("<td>").Append(E(ReportFormat.P(row.FisherP))).Append("</td></tr>");
        }
        b.Append("</tbody></table>");
    }

    private static void Flares(StringBuilder b, TrialReport r)
    {
        b.Append("<table class=\"results\"><caption><b>Table 3.</b> Pain flare (Hird et al. 2009) in the daily diary during and after radiotherapy, per arm.</caption>"
            + "<thead><tr><th>Arm</th><th>Flare, n (% of those with a diary)</th><th>With a diary and baseline</th><th>Rise not returning (progression)</th><th>No diary or baseline</th></tr></thead><tbody>");
        foreach (var f in r.Flares)
            b.Append(Inv, $"<tr><td>{E(ReportFormat.ArmName(r, f.Arm))}</td><td>{f.Flares} ({E(f.Assessed == 0 ? ReportFormat.NotEstimable : ReportFormat.Percent((double)f.Flares / f.Assessed))})</td>")
                .Append(Inv, $"<td>{f.Assessed}</td><td>{f.Progressions}</td><td>{f.NotAssessed}</td></tr>");
        b.Append("</tbody></table>");
    }

    private static string Level(double level) => (100 * level).ToString("0.#", Inv) + "%";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Style = """
        body { font-family: "Times New Roman", Georgia, serif; color: #111; background: #fff; margin: 0; }
        main { max-width: 1040px; margin: 0 auto; padding: 24px 28px 48px; }
        h1 { font-size: 24px; line-height: 1.25; margin: 0 0 6px; }
        h2 { font-size: 20px; border-bottom: 1px solid #999; padding-bottom: 3px; margin-top: 22px; }
        h3 { font-size: 16px; margin: 20px 0 6px; }
        p { font-size: 15px; line-height: 1.45; }
        .meta { color: #444; font-size: 13px; margin-top: 0; }
        figure { margin: 22px 0; }
        figure svg { display: block; margin: 0 auto; max-width: 100%; height: auto; font-family: Arial, Helvetica, sans-serif; }
        figcaption, caption { font-size: 13.5px; text-align: left; line-height: 1.4; margin: 6px 0; caption-side: top; }
        table.results { border-collapse: collapse; width: 100%; margin: 22px 0; font-size: 13.5px; }
        table.results thead th { border-top: 2px solid #111; border-bottom: 1px solid #111; font-weight: bold; padding: 4px 6px; text-align: left; vertical-align: bottom; }
        table.results tbody td { padding: 3px 6px; border-bottom: 1px solid #e4e4e4; white-space: nowrap; }
        table.results tbody td.wrap { white-space: normal; }
        table.results tbody tr:last-child td { border-bottom: 2px solid #111; }
        table.results tr.set th { text-align: left; font-style: italic; font-weight: normal; padding: 6px 6px 2px; border-bottom: 1px solid #bbb; }
        table.results tr.main td { font-weight: bold; background: #f3f6fa; }
        table.results tr.any td { font-weight: bold; }
        table.results tfoot td { font-size: 12px; color: #333; padding-top: 4px; }
        table.ae td:not(:first-child), table.ae th { text-align: center; }
        .sub { font-weight: normal; font-size: 12px; color: #444; }
        .empty { color: #666; font-style: italic; }
        .notes ol { font-size: 13px; line-height: 1.45; padding-left: 22px; }
        """;
}
