using System.Globalization;
using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Summary;

/// <summary>
/// The stated sample size recalculated by the statistics plugin from the plan's own assumptions, and beside it the
/// power the design has if both arms truly share the control rate, so a reader sees what the published size assumes.
/// <c>describe</c> prints it; <c>validate</c> warns when it does not give the stated size or power.
/// </summary>
public static class SampleSizeCheck
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The recalculation: the design the plan describes, the plugin's size for it, and the power if both arms share the control rate.</summary>
    public sealed record Recalculation(NonInferiorityDesign Design, SampleSizeResult Size, double PowerIfEqual);

    /// <summary>
    /// Null when the plan is not a non-inferiority design with a margin and assumed rates (nothing to recalculate).
    /// </summary>
    /// <exception cref="ArgumentException">The plugin refuses the plan's design (the message says why).</exception>
    public static Recalculation? Recalculate(Protocol protocol, IStatisticsPlugin plugin)
    {
        var s = protocol.Statistics;
        if (s.Hypothesis != Hypothesis.NonInferiority || s.Margin is not { } margin || s.AssumedRates is not { Experimental: { } pe, Control: { } pc })
            return null;
        var design = new NonInferiorityDesign
        {
            ExperimentalRate = pe, ControlRate = pc, Margin = margin, Alpha = s.Alpha, Power = s.Power,
            AllocationRatio = Ratio(protocol, s), DropoutRate = s.DropoutRate, Method = s.SizeMethod,
            DropoutAdjustment = s.DropoutAdjustment == DropoutInflation.Multiply ? DropoutAdjustment.Multiply : DropoutAdjustment.Divide,
        };
        var size = plugin.NonInferiorityTwoProportions(design);
        var equal = plugin.NonInferiorityPower(design with { ExperimentalRate = pc }, size.ExperimentalEvaluable, size.ControlEvaluable);
        return new Recalculation(design, size, equal);
    }

    /// <summary>
    /// Whether a computed power agrees with a reported one to the decimals the report gives (0.809 holds 0.8085 to 0.8095).
    /// </summary>
    public static bool AgreesWithReported(double computed, double reported)
    {
        var text = reported.ToString("R", Inv);
        var decimals = text.Contains('.', StringComparison.Ordinal) ? text.Length - text.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        return Math.Abs(computed - reported) <= 0.5 * Math.Pow(10, -decimals) + 1e-12;
    }

    /// <summary>The lines for <c>describe</c>; one line saying why when the plan or the plugin cannot give them.</summary>
    public static IReadOnlyList<string> Lines(Protocol protocol, IStatisticsPlugin? plugin)
    {
        var s = protocol.Statistics;
        if (s.Hypothesis != Hypothesis.NonInferiority || s.Margin is null)
            return [];
        if (s.AssumedRates is not { Experimental: { } pe, Control: { } pc })
            return ["sample size not recalculated: the plan states no assumed_rates (experimental and control)"];
        if (plugin is null)
            return [$"sample size not recalculated: the statistics plugin '{s.Plugin ?? "Statistics"}' is not loaded (`protocol-engine plugins` says why)"];
        try
        {
            var (_, size, equal) = Recalculate(protocol, plugin)!;
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
