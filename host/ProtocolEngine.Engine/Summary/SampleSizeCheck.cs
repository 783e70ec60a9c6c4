using System.Globalization;
using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Summary;

/// <summary>
/// The stated sample size recalculated by the statistics plugin from the plan's own assumptions, and beside it the
/// power the design has if both arms truly share the control rate, so a reader sees what the published size assumes.
/// </summary>
public static class SampleSizeCheck
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The lines for <c>describe</c>; one line saying why when the plan or the plugin cannot give them.</summary>
    public static IReadOnlyList<string> Lines(Protocol protocol, IStatisticsPlugin? plugin)
    {
        var s = protocol.Statistics;
        if (s.Hypothesis != Hypothesis.NonInferiority || s.Margin is not { } margin)
            return [];
        if (s.AssumedRates is not { Experimental: { } pe, Control: { } pc })
            return ["sample size not recalculated: the plan states no assumed_rates (experimental and control)"];
        if (plugin is null)
            return [$"sample size not recalculated: the statistics plugin '{s.Plugin ?? "Statistics"}' is not loaded (`protocol-engine plugins` says why)"];
        var design = new NonInferiorityDesign
        {
            ExperimentalRate = pe, ControlRate = pc, Margin = margin, Alpha = s.Alpha, Power = s.Power,
            AllocationRatio = Ratio(protocol, s), DropoutRate = s.DropoutRate, Method = s.SizeMethod,
            DropoutAdjustment = s.DropoutAdjustment == DropoutInflation.Multiply ? DropoutAdjustment.Multiply : DropoutAdjustment.Divide,
        };
        try
        {
            var size = plugin.NonInferiorityTwoProportions(design);
            var equal = plugin.NonInferiorityPower(design with { ExperimentalRate = pc }, size.ExperimentalEvaluable, size.ControlEvaluable);
            var agrees = size.TotalEnrolled == s.SampleSize ? "as stated" : $"the plan states {s.SampleSize}";
            return
            [
                $"recalculated ({size.Method}) at {s.ExperimentalArm} {ProtocolSummarizer.G(pe)} vs {s.ControlArm} {ProtocolSummarizer.G(pc)}: {size.ExperimentalEvaluable} + {size.ControlEvaluable} evaluable, "
                    + $"{size.TotalEnrolled} to enrol ({agrees}), power {size.AchievedPower.ToString("0.000", Inv)}"
                    + (s.ReportedPower is { } rp ? $" (reported {ProtocolSummarizer.G(rp)})" : ""),
                $"if both arms truly respond at {ProtocolSummarizer.G(pc)}: power {equal.ToString("0.000", Inv)} with {size.ExperimentalEvaluable} + {size.ControlEvaluable} evaluable",
            ];
        }
        catch (ArgumentException ex)
        {
            return [$"sample size not recalculated: {ex.Message}"];
        }
    }

    private static double Ratio(Protocol p, StatisticsPlan s)
    {
        var e = p.Arms.FirstOrDefault(a => a.Id == s.ExperimentalArm)?.Ratio ?? 1;
        var c = p.Arms.FirstOrDefault(a => a.Id == s.ControlArm)?.Ratio ?? 1;
        return c == 0 ? 1 : (double)e / c;
    }
}
