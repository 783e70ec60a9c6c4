namespace ProtocolEngine.Contracts.Plugins;

/// <summary>Sample size and analyses of a two-arm trial with a binary endpoint.</summary>
public interface IStatisticsPlugin : IPlugin
{
    /// <summary>
    /// Sample size of a non-inferiority comparison of two proportions (difference experimental - control,
    /// margin negative), with the power actually achieved by the rounded-up size.
    /// </summary>
    /// <exception cref="ArgumentException">A rate outside (0, 1), alpha or power outside (0, 1), or a margin that is not negative.</exception>
    SampleSizeResult NonInferiorityTwoProportions(NonInferiorityDesign design);

    /// <summary>Power of the non-inferiority design with the given numbers of evaluable participants per arm.</summary>
    double NonInferiorityPower(NonInferiorityDesign design, int experimentalCount, int controlCount);

    /// <summary>Analysis of a 2x2 table (responders / non-responders by arm).</summary>
    /// <exception cref="ArgumentException">Negative counts, events above totals, or a confidence level outside (0, 1).</exception>
    TwoByTwoResult AnalyzeTwoByTwo(TwoByTwoTable table, double confidenceLevel, double? margin);

    /// <summary>Confidence interval of one proportion (e.g. the pain-relief rate of an arm).</summary>
    ConfidenceInterval ProportionInterval(int events, int total, double confidenceLevel);
}
