using System.Globalization;
using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Summary;

namespace ProtocolEngine.Engine.Validation;

public sealed partial class ProtocolValidator
{
    /// <summary>
    /// The plan's assumed rates, under the sample-size method it names, give its stated sample size and (when it states
    /// one) its reported power; a warning at the stated value says what the statistics plugin gives instead. Needs the
    /// statistics plugin (<see cref="ValidationContext.Statistics"/>); without it, or without assumed rates, nothing is checked.
    /// </summary>
    private void CheckSampleSize(Run run)
    {
        var s = run.Protocol.Statistics;
        if (context.Statistics is null || !run.Clean(s)
            || s.Hypothesis != Hypothesis.NonInferiority || s.Margin is null || s.AssumedRates is null)
            return;
        var name = s.Plugin ?? "Statistics";
        if (context.Statistics(name) is not { } plugin)
            return; // an unknown plugin name is reported by CheckStatistics
        var inv = CultureInfo.InvariantCulture;
        var method = s.SizeMethod ?? "the plugin's default method";
        SampleSizeCheck.Recalculation? again;
        try
        {
            again = SampleSizeCheck.Recalculate(run.Protocol, plugin);
        }
        catch (ArgumentException ex)
        {
            run.Warning(DiagnosticCodes.SampleSizeNotReproduced, s, nameof(StatisticsPlan.AssumedRates),
                $"the sample size cannot be recalculated from assumed_rates with {method}: {ex.Message}");
            return;
        }
        if (again is null)
            return;
        var (design, size, _) = again;
        var rates = string.Create(inv, $"assumed_rates {design.ExperimentalRate} vs {design.ControlRate} with {method} (margin {design.Margin}, one-sided alpha {design.Alpha}, power {design.Power})");
        if (size.TotalEnrolled != s.SampleSize)
            run.Warning(DiagnosticCodes.SampleSizeNotReproduced, s, nameof(StatisticsPlan.SampleSize), string.Create(inv,
                $"sample_size {s.SampleSize} is not what {rates} gives: {size.ExperimentalEvaluable} + {size.ControlEvaluable} evaluable, {size.TotalEnrolled} to enrol; ")
                + "correct the rates, the method or the size so that they agree.");
        else if (s.ReportedPower is { } reported && !SampleSizeCheck.AgreesWithReported(size.AchievedPower, reported))
            run.Warning(DiagnosticCodes.SampleSizeNotReproduced, s, nameof(StatisticsPlan.ReportedPower), string.Create(inv,
                $"reported_power {reported} is not what {rates} gives at {size.ExperimentalEvaluable} + {size.ControlEvaluable} evaluable: {size.AchievedPower:0.000}; ")
                + "correct the rates, the method or the reported power so that they agree.");
    }
}
