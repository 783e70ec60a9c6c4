namespace ProtocolEngine.Contracts.Plugins;

/// <summary>A confidence interval.</summary>
/// <param name="Estimate">The point estimate.</param>
/// <param name="Lower">Lower bound.</param>
/// <param name="Upper">Upper bound.</param>
/// <param name="Level">Confidence level (e.g. 0.95).</param>
/// <param name="Method">How it was computed (e.g. "Wilson score", "Newcombe hybrid score").</param>
public sealed record ConfidenceInterval(double Estimate, double Lower, double Upper, double Level, string Method);
