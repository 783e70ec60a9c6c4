namespace ProtocolEngine.Contracts.Plugins;

/// <summary>
/// Sample size and analyses of a two-arm trial with a binary endpoint. Every method throws
/// <see cref="ArgumentException"/> with a message naming the bad value and how to fix it.
/// </summary>
public interface IStatisticsPlugin : IPlugin
{
    /// <summary>
    /// Sample size of a non-inferiority comparison of two proportions (difference experimental - control,
    /// margin negative), with the power actually achieved by the rounded-up size.
    /// </summary>
    /// <exception cref="ArgumentException">A rate outside (0, 1), alpha or power outside (0, 1), or a margin that is not negative.</exception>
    SampleSizeResult NonInferiorityTwoProportions(NonInferiorityDesign design);

    /// <summary>Power of the non-inferiority design (normal approximation of <see cref="NonInferiorityDesign.Method"/>) with the given numbers of evaluable participants per arm.</summary>
    double NonInferiorityPower(NonInferiorityDesign design, int experimentalCount, int controlCount);

    /// <summary>
    /// Exact power: the probability, summed over both binomial distributions, that the test of
    /// <see cref="NonInferiorityDesign.Method"/> rejects H0 at one-sided alpha.
    /// </summary>
    double NonInferiorityExactPower(NonInferiorityDesign design, int experimentalCount, int controlCount);

    /// <summary>Analysis of a 2x2 table (responders / non-responders by arm).</summary>
    /// <exception cref="ArgumentException">Negative counts, events above totals, or a confidence level outside (0, 1).</exception>
    TwoByTwoResult AnalyzeTwoByTwo(TwoByTwoTable table, double confidenceLevel, double? margin);

    /// <summary>Confidence interval of one proportion (Wilson score).</summary>
    ConfidenceInterval ProportionInterval(int events, int total, double confidenceLevel);

    /// <summary>Confidence interval of one proportion by the chosen method.</summary>
    ConfidenceInterval ProportionInterval(int events, int total, double confidenceLevel, ProportionIntervalMethod method);

    /// <summary>Confidence interval of experimental rate - control rate by the chosen method.</summary>
    ConfidenceInterval DifferenceInterval(TwoByTwoTable table, double confidenceLevel, DifferenceIntervalMethod method);

    /// <summary>
    /// Fisher's exact test of the table [[ExperimentalEvents, ExperimentalTotal - ExperimentalEvents],
    /// [ControlEvents, ControlTotal - ControlEvents]]; two-sided as R's fisher.test computes it.
    /// </summary>
    double FisherExactP(TwoByTwoTable table, FisherAlternative alternative);

    /// <summary>Farrington-Manning score test of H0: experimental - control &lt;= margin (restricted MLE under H0).</summary>
    NonInferiorityTest FarringtonManning(TwoByTwoTable table, double margin);
}
