using ProtocolEngine.Engine.Reporting;
using ScottPlot;

namespace ProtocolEngine.Reporting.Html;

/// <summary>Mean worst pain by visit, one line per arm with error bars of one SD, drawn by ScottPlot as SVG.</summary>
internal static class PainChart
{
    private static readonly Color[] Colours = [new("#1f4e9c"), new("#c0392b"), new("#2e8b57"), new("#8e44ad")];
    private static readonly MarkerShape[] Shapes = [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond];

    public static string Svg(TrialReport report, int width = 760, int height = 420)
    {
        var visits = report.MeanWorstPain.Select(p => (p.Visit, p.Occurrence, p.Label)).Distinct().ToList();
        var plot = new Plot();
        plot.Axes.Bottom.SetTicks([.. visits.Select((_, i) => (double)i)], [.. visits.Select(v => v.Label)]);
        // The arms side by side at each visit, so their error bars do not hide each other.
        var offset = report.Arms.Count > 1 ? 0.08 : 0;
        for (var a = 0; a < report.Arms.Count; a++)
        {
            var arm = report.Arms[a];
            var points = visits.Select((v, i) => (X: i + (a - (report.Arms.Count - 1) / 2.0) * offset,
                    Point: report.MeanWorstPain.FirstOrDefault(p => p.Visit == v.Visit && p.Occurrence == v.Occurrence && p.Arm == arm.Id)))
                .Where(p => p.Point?.Mean is not null).ToList();
            if (points.Count == 0) continue;
            double[] xs = [.. points.Select(p => p.X)], ys = [.. points.Select(p => p.Point!.Mean!.Value)];
            var colour = Colours[a % Colours.Length];
            var errors = plot.Add.ErrorBar(xs, ys, [.. points.Select(p => p.Point!.Sd ?? 0)]);
            errors.Color = colour;
            var line = plot.Add.Scatter(xs, ys);
            line.Color = colour;
            line.LineWidth = 2;
            line.MarkerSize = 9;
            line.MarkerShape = Shapes[a % Shapes.Length];
            line.LegendText = $"{arm.Name} ({arm.Id})";
        }
        plot.Axes.SetLimitsY(0, 10);
        plot.Axes.SetLimitsX(-0.5, Math.Max(0.5, visits.Count - 0.5));
        plot.XLabel("Visit");
        plot.YLabel("Worst pain, NRS 0-10 (mean ± SD)");
        plot.Legend.Alignment = Alignment.UpperRight;
        plot.ShowLegend();
        return plot.GetSvgXml(width, height);
    }
}
