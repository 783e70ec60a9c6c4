using MathNet.Numerics.Distributions;
using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Plugins.Statistics.Intervals;

namespace ProtocolEngine.Plugins.Statistics.Tests;

/// <summary>
/// Farrington and Manning (1990): Z = (p1 - p2 - margin) / sqrt(r1 (1 - r1) / n1 + r2 (1 - r2) / n2), with (r1, r2) the
/// maximum-likelihood rates under p1 - p2 = margin; one-sided p = 1 - Phi(Z). With margin 0 it is the pooled z test,
/// whose square is Pearson's chi-square.
/// </summary>
internal static class FarringtonManningTest
{
    public static NonInferiorityTest Of(int x1, int n1, int x2, int n2, double margin)
    {
        double p1 = (double)x1 / n1, p2 = (double)x2 / n2;
        var (r1, r2) = RestrictedEstimate.Of(p1, n1, p2, n2, margin);
        var z = Z(p1, n1, p2, n2, margin);
        return new NonInferiorityTest(p1 - p2, margin, z, 1 - Normal.CDF(0, 1, z), r1, r2);
    }

    public static double Z(double p1, int n1, double p2, int n2, double margin)
    {
        var variance = RestrictedEstimate.Variance(p1, n1, p2, n2, margin);
        var excess = p1 - p2 - margin;
        if (variance > 0) return excess / Math.Sqrt(variance);
        return excess > 0 ? double.PositiveInfinity : excess < 0 ? double.NegativeInfinity : 0;
    }
}
