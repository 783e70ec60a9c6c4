using System.Globalization;
using System.Net;
using System.Text;
using ProtocolEngine.Engine.Reporting;

namespace ProtocolEngine.Reporting.Html;

/// <summary>
/// The CONSORT flow diagram as inline SVG: enrolment with the excluded box beside it, randomization, then one column
/// per arm through allocation, radiotherapy, follow-up and analysis, joined by arrows (CONSORT 2010's figure).
/// </summary>
internal static class ConsortDiagram
{
    private const int Width = 980, Margin = 20, Line = 17, Pad = 8, Gap = 34, FontSize = 13, CharWidth = 7;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Svg(TrialReport report)
    {
        var c = report.Consort;
        var svg = new StringBuilder();
        var y = Margin;
        // Enrolment, with the excluded participants in a box to its right.
        var enrol = Box(Width / 2 - 170, y, 340, [$"Assessed for eligibility (n = {c.Screened})", $"Registered (n = {c.Registered})"], bold: 1);
        var excludedLines = new List<string> { $"Not randomized (n = {c.Screened - Math.Min(c.Screened, c.Randomized)})", $"Ineligible (n = {c.Ineligible})" };
        excludedLines.AddRange(c.IneligibleReasons.Select(r => $"  {r.Id} {Shorten(r.Text)} (n = {r.Count})"));
        excludedLines.Add($"Screening incomplete (n = {c.ScreeningIncomplete})");
        excludedLines.Add($"Eligible, not randomized (n = {c.EligibleNotRandomized})");
        var exclX = Width / 2 + 60;
        var excludedY = enrol.Bottom + Gap;
        var excluded = Box(exclX, excludedY, Width - Margin - exclX, excludedLines, bold: 1);
        var randomY = excluded.Bottom + Gap;
        var random = Box(Width / 2 - 130, randomY, 260, [$"Randomized (n = {c.Randomized})"], bold: 1);
        svg.Append(enrol.Svg).Append(excluded.Svg).Append(random.Svg);
        svg.Append(Arrow(Width / 2, enrol.Bottom, Width / 2, random.Top));
        var branchY = excluded.Top + Math.Min(excluded.Height / 2, 3 * Line);
        svg.Append(Arrow(Width / 2, branchY, exclX, branchY));

        // One column per arm, the stages as rows of equal height.
        var arms = c.Arms;
        if (arms.Count == 0)
            return Wrap(svg, random.Bottom + Margin);
        var columnWidth = (Width - 2 * Margin - (arms.Count - 1) * 30) / arms.Count;
        int X(int i) => Margin + i * (columnWidth + 30);
        var stages = new (string Name, Func<ConsortArm, IReadOnlyList<string>> Lines)[]
        {
            ("Allocation", a => [$"Allocated to {ReportFormat.ArmName(report, a.Arm)} (n = {a.Randomized})", $"Received radiotherapy (n = {a.Treated})", $"Did not receive radiotherapy (n = {a.NotTreated})"]),
            ("Radiotherapy", a => [$"Completed the planned course (n = {a.CompletedCourse})", $"Stopped early (n = {a.StoppedEarly})", .. a.StopReasons.Select(r => $"  {r.Text} (n = {r.Count})")]),
            ("Follow-up", a => [.. a.Assessed.Select(v => $"Assessed at {v.Label} (n = {v.Count})"), $"Died (n = {a.Died})", $"Lost to follow-up (n = {a.LostToFollowUp})",
                $"Withdrawn (n = {a.Withdrawn})", .. a.WithdrawalReasons.Select(r => $"  {r.Id} {Shorten(r.Text)} (n = {r.Count})")]),
            ("Analysis", a => [
                .. (a.Analysed.Count == 0 ? (string[])["No analysis time point reached"] : a.Analysed.SelectMany(s => Analysed(s))),
                .. (a.NotAssessableReason.Length > 0 ? (string[])[$"Not assessable: {a.NotAssessableReason} (n = {a.NotAssessable})"] : [])]),
        };
        y = random.Bottom + Gap / 2;
        var barY = y;
        svg.Append(Segment(Width / 2, random.Bottom, Width / 2, barY));
        svg.Append(Segment(X(0) + columnWidth / 2, barY, X(arms.Count - 1) + columnWidth / 2, barY));
        y += Gap / 2;
        int[]? previousBottoms = null;
        foreach (var (name, lines) in stages)
        {
            var header = Header(Margin, y, Width - 2 * Margin, name);
            svg.Append(header.Svg);
            if (previousBottoms is not null)
                for (var i = 0; i < arms.Count; i++)
                    svg.Append(Segment(X(i) + columnWidth / 2, previousBottoms[i], X(i) + columnWidth / 2, y));
            else
                for (var i = 0; i < arms.Count; i++)
                    svg.Append(Segment(X(i) + columnWidth / 2, barY, X(i) + columnWidth / 2, y));
            var top = header.Bottom + Gap * 2 / 3;
            var wrapped = arms.Select(a => Wrapped(lines(a), columnWidth)).ToList();
            var height = wrapped.Max(w => w.Count) * Line + 2 * Pad;
            previousBottoms = new int[arms.Count];
            for (var i = 0; i < arms.Count; i++)
            {
                svg.Append(Arrow(X(i) + columnWidth / 2, header.Bottom, X(i) + columnWidth / 2, top));
                var box = Box(X(i), top, columnWidth, wrapped[i], bold: 1, height, wrap: false);
                svg.Append(box.Svg);
                previousBottoms[i] = box.Bottom;
            }
            y = top + height + Gap;
        }
        return Wrap(svg, y - Gap + Margin);
    }

    /// <summary>A criterion's wording cut to one line of the box at a word, with an ellipsis (the full text is in the tables).</summary>
    private static string Shorten(string text)
    {
        const int max = 34;
        var t = text.Trim().TrimEnd(':', ',', ';');
        if (t.Length <= max) return t;
        var cut = t.LastIndexOf(' ', max);
        return t[..(cut > 20 ? cut : max)].TrimEnd(',', ';', ':') + "…";
    }

    private static IEnumerable<string> Analysed(SetCount s)
    {
        yield return $"!Analysed, {s.Label} (n = {s.Analysed})";
        foreach (var reason in s.ExcludedReasons)
            yield return $"  excluded, {reason.Text} (n = {reason.Count})";
        if (s.ImputedNonResponders > 0) yield return $"  counted as non-responders (n = {s.ImputedNonResponders})";
        if (s.OutsidePopulation > 0) yield return $"  outside the set's population (n = {s.OutsidePopulation})";
        if (s.Pending > 0) yield return $"  time point not reached yet (n = {s.Pending})";
    }

    private static string Wrap(StringBuilder content, int height) =>
        string.Create(Inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"consort\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-label=\"CONSORT flow diagram\">")
        + "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#333\"/></marker></defs>"
        + content + "</svg>";

    private sealed record Placed(int Top, int Bottom, int Height, string Svg);

    private static Placed Box(int x, int y, int width, IReadOnlyList<string> lines, int bold, int? height = null, bool wrap = true)
    {
        var text = wrap ? Wrapped(lines, width) : lines;
        var h = height ?? text.Count * Line + 2 * Pad;
        var b = new StringBuilder();
        b.Append(Inv, $"<g class=\"box\"><rect x=\"{x}\" y=\"{y}\" width=\"{width}\" height=\"{h}\" rx=\"3\" fill=\"#fff\" stroke=\"#333\" stroke-width=\"1.2\"/>");
        for (var i = 0; i < text.Count; i++)
        {
            var indent = text[i].StartsWith("  ", StringComparison.Ordinal) ? 14 : 0;
            var strong = i < bold || text[i].StartsWith('!');
            b.Append(Inv, $"<text x=\"{x + Pad + indent}\" y=\"{y + Pad + (i + 1) * Line - 4}\" font-size=\"{FontSize}\"{(strong ? " font-weight=\"bold\"" : "")}>{WebUtility.HtmlEncode(text[i].Trim().TrimStart('!'))}</text>");
        }
        b.Append("</g>");
        return new Placed(y, y + h, h, b.ToString());
    }

    private static Placed Header(int x, int y, int width, string name) => new(y, y + 22, 22, string.Create(Inv,
        $"<g class=\"stage\"><rect x=\"{x}\" y=\"{y}\" width=\"{width}\" height=\"22\" rx=\"11\" fill=\"#dbe7f3\" stroke=\"none\"/><text x=\"{x + width / 2}\" y=\"{y + 16}\" font-size=\"{FontSize}\" font-weight=\"bold\" text-anchor=\"middle\">{name}</text></g>"));

    /// <summary>Lines broken at spaces to fit the box; continuation lines keep the indent of their line.</summary>
    private static List<string> Wrapped(IReadOnlyList<string> lines, int width)
    {
        var result = new List<string>();
        foreach (var line in lines)
        {
            var indent = line.StartsWith("  ", StringComparison.Ordinal) ? "  " : "";
            var max = (width - 2 * Pad - (indent.Length > 0 ? 14 : 0)) / CharWidth;
            var current = new StringBuilder();
            // "(n = 10)" stays whole on its line.
            foreach (var word in line.Trim().Replace("(n = ", "(n\u00a0=\u00a0", StringComparison.Ordinal).Split(' '))
            {
                if (current.Length > 0 && current.Length + 1 + word.Length > max)
                {
                    result.Add(indent + current);
                    current.Clear();
                    indent = "  ";
                }
                if (current.Length > 0) current.Append(' ');
                current.Append(word);
            }
            result.Add(indent + current);
        }
        return result;
    }

    private static string Arrow(int x1, int y1, int x2, int y2) =>
        string.Create(Inv, $"<line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\" stroke=\"#333\" stroke-width=\"1.2\" marker-end=\"url(#arrow)\"/>");

    private static string Segment(int x1, int y1, int x2, int y2) =>
        string.Create(Inv, $"<line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\" stroke=\"#333\" stroke-width=\"1.2\"/>");
}
