namespace ProtocolEngine.Contracts.Plugins;

/// <summary>The analysis of a 2x2 table.</summary>
/// <param name="ExperimentalRate">Events / total in the experimental arm.</param>
/// <param name="ControlRate">Events / total in the control arm.</param>
/// <param name="Difference">ExperimentalRate - ControlRate.</param>
/// <param name="DifferenceInterval">Confidence interval of the difference.</param>
/// <param name="FisherExactP">Two-sided p-value of Fisher's exact test.</param>
/// <param name="ChiSquareP">Two-sided p-value of Pearson's chi-square test (no continuity correction).</param>
/// <param name="NonInferior">With a margin: whether the interval's lower bound lies above it; null without a margin.</param>
public sealed record TwoByTwoResult(double ExperimentalRate, double ControlRate, double Difference, ConfidenceInterval DifferenceInterval,
    double FisherExactP, double ChiSquareP, bool? NonInferior)
{
    /// <summary>With a margin: the Farrington-Manning test against it; null without a margin.</summary>
    public NonInferiorityTest? NonInferiorityTest { get; init; }
}
