using MathNet.Numerics.Distributions;
using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Plugins.Statistics.Checks;
using ProtocolEngine.Plugins.Statistics.Design;
using ProtocolEngine.Plugins.Statistics.Intervals;
using ProtocolEngine.Plugins.Statistics.Tests;

namespace ProtocolEngine.Plugins.Statistics;

/// <summary>
/// The host's statistics plugin on MathNet.Numerics: Wilson and Clopper-Pearson intervals, Wald, Newcombe
/// (methods 10 and 11) and Miettinen-Nurminen intervals of a difference, Fisher's exact test as R computes it,
/// the Farrington-Manning non-inferiority test, and non-inferiority sample size and power (normal and exact).
/// </summary>
public sealed class StatisticsPlugin : IStatisticsPlugin
{
    /// <inheritdoc/>
    public string Name => "Statistics";

    /// <inheritdoc/>
    public string Version => typeof(StatisticsPlugin).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <inheritdoc/>
    public string Description => "Proportion and difference intervals, Fisher's exact test, Farrington-Manning non-inferiority, sample size and exact power.";

    /// <inheritdoc/>
    public SampleSizeResult NonInferiorityTwoProportions(NonInferiorityDesign design)
    {
        Arguments.Design(design);
        Arguments.OpenUnit(design.Power, "power");
        return SampleSize.Of(design);
    }

    /// <inheritdoc/>
    public double NonInferiorityPower(NonInferiorityDesign design, int experimentalCount, int controlCount)
    {
        Arguments.Design(design);
        Arguments.Sizes(experimentalCount, controlCount);
        return NormalPower.Of(design, experimentalCount, controlCount);
    }

    /// <inheritdoc/>
    public double NonInferiorityExactPower(NonInferiorityDesign design, int experimentalCount, int controlCount)
    {
        Arguments.Design(design);
        Arguments.Sizes(experimentalCount, controlCount);
        return ExactPower.Of(design, experimentalCount, controlCount);
    }

    /// <inheritdoc/>
    public TwoByTwoResult AnalyzeTwoByTwo(TwoByTwoTable table, double confidenceLevel, double? margin)
    {
        var interval = DifferenceInterval(table, confidenceLevel, DifferenceIntervalMethod.Newcombe);
        double p1 = (double)table.ExperimentalEvents / table.ExperimentalTotal, p2 = (double)table.ControlEvents / table.ControlTotal;
        var pooledZ = FarringtonManningTest.Z(p1, table.ExperimentalTotal, p2, table.ControlTotal, 0);
        var chiSquareP = double.IsInfinity(pooledZ) || double.IsNaN(pooledZ) ? 1 : 2 * (1 - Normal.CDF(0, 1, Math.Abs(pooledZ)));
        if (margin is { } m) Arguments.Margin(m);
        return new TwoByTwoResult(p1, p2, p1 - p2, interval, FisherExactP(table, FisherAlternative.TwoSided), chiSquareP,
            margin is { } lowest ? interval.Lower > lowest : null)
        {
            NonInferiorityTest = margin is { } tested ? FarringtonManning(table, tested) : null,
        };
    }

    /// <inheritdoc/>
    public ConfidenceInterval ProportionInterval(int events, int total, double confidenceLevel) =>
        ProportionInterval(events, total, confidenceLevel, ProportionIntervalMethod.Wilson);

    /// <inheritdoc/>
    public ConfidenceInterval ProportionInterval(int events, int total, double confidenceLevel, ProportionIntervalMethod method)
    {
        Arguments.Count(events, total, "proportion");
        Arguments.Level(confidenceLevel);
        var (lower, upper, name) = method switch
        {
            ProportionIntervalMethod.ClopperPearson => With(ProportionIntervals.ClopperPearson(events, total, confidenceLevel), "Clopper-Pearson exact"),
            _ => With(ProportionIntervals.Wilson(events, total, confidenceLevel), "Wilson score"),
        };
        return new ConfidenceInterval((double)events / total, lower, upper, confidenceLevel, name);
    }

    /// <inheritdoc/>
    public ConfidenceInterval DifferenceInterval(TwoByTwoTable table, double confidenceLevel, DifferenceIntervalMethod method)
    {
        Arguments.Table(table);
        Arguments.Level(confidenceLevel);
        var (x1, n1, x2, n2) = (table.ExperimentalEvents, table.ExperimentalTotal, table.ControlEvents, table.ControlTotal);
        var (lower, upper, name) = method switch
        {
            DifferenceIntervalMethod.Wald => With(DifferenceIntervals.Wald(x1, n1, x2, n2, confidenceLevel), "Wald"),
            DifferenceIntervalMethod.NewcombeContinuityCorrected => With(DifferenceIntervals.NewcombeCorrected(x1, n1, x2, n2, confidenceLevel), "Newcombe hybrid score, continuity corrected"),
            DifferenceIntervalMethod.MiettinenNurminen => With(DifferenceIntervals.MiettinenNurminen(x1, n1, x2, n2, confidenceLevel), "Miettinen-Nurminen score"),
            _ => With(DifferenceIntervals.Newcombe(x1, n1, x2, n2, confidenceLevel), "Newcombe hybrid score"),
        };
        return new ConfidenceInterval((double)x1 / n1 - (double)x2 / n2, lower, upper, confidenceLevel, name);
    }

    /// <inheritdoc/>
    public double FisherExactP(TwoByTwoTable table, FisherAlternative alternative)
    {
        Arguments.Table(table);
        return FisherExact.P(table.ExperimentalEvents, table.ExperimentalTotal - table.ExperimentalEvents,
            table.ControlEvents, table.ControlTotal - table.ControlEvents, alternative);
    }

    /// <inheritdoc/>
    public NonInferiorityTest FarringtonManning(TwoByTwoTable table, double margin)
    {
        Arguments.Table(table);
        Arguments.Margin(margin);
        return FarringtonManningTest.Of(table.ExperimentalEvents, table.ExperimentalTotal, table.ControlEvents, table.ControlTotal, margin);
    }

    private static (double, double, string) With((double Lower, double Upper) limits, string name) => (limits.Lower, limits.Upper, name);
}
