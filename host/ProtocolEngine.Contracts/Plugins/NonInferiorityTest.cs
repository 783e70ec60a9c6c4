namespace ProtocolEngine.Contracts.Plugins;

/// <summary>The Farrington-Manning score test of H0: experimental - control &lt;= margin against H1: difference &gt; margin.</summary>
/// <param name="Difference">Observed experimental rate - control rate.</param>
/// <param name="Margin">The margin tested (negative for non-inferiority).</param>
/// <param name="Z">Score statistic (difference - margin) / standard error at the restricted MLE.</param>
/// <param name="P">One-sided p-value, 1 - Phi(Z).</param>
/// <param name="RestrictedExperimentalRate">Experimental rate maximizing the likelihood under difference = margin.</param>
/// <param name="RestrictedControlRate">Control rate maximizing the likelihood under difference = margin.</param>
public sealed record NonInferiorityTest(double Difference, double Margin, double Z, double P, double RestrictedExperimentalRate, double RestrictedControlRate);
