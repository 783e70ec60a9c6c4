using MathNet.Numerics.Distributions;
using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Plugins.Statistics.Checks;
using ProtocolEngine.Plugins.Statistics.Tests;

namespace ProtocolEngine.Plugins.Statistics.Design;

/// <summary>
/// Exact power: sum over x1 ~ Bin(n1, p1) and x2 ~ Bin(n2, p2) of P(x1) P(x2) for the outcomes in which the
/// design's test rejects H0 at one-sided alpha (Farrington-Manning score z, or the unpooled Wald z for
/// chow-shao-wang, each against z_alpha).
/// </summary>
internal static class ExactPower
{
    private const int MaxArm = 5000;

    public static double Of(NonInferiorityDesign d, int n1, int n2)
    {
        if (n1 > MaxArm || n2 > MaxArm)
            throw new ArgumentException($"exact power enumerates (n1 + 1) x (n2 + 1) outcomes; arms of {n1} and {n2} exceed {MaxArm}: use the normal approximation.");
        var zAlpha = Normal.InvCDF(0, 1, 1 - d.Alpha);
        var fm = Methods.Of(d) == Methods.FarringtonManning;
        var b1 = Enumerable.Range(0, n1 + 1).Select(x => Binomial.PMF(d.ExperimentalRate, n1, x)).ToArray();
        var b2 = Enumerable.Range(0, n2 + 1).Select(x => Binomial.PMF(d.ControlRate, n2, x)).ToArray();
        var power = 0.0;
        for (var x1 = 0; x1 <= n1; x1++)
        {
            var p1 = (double)x1 / n1;
            for (var x2 = 0; x2 <= n2; x2++)
            {
                var p2 = (double)x2 / n2;
                var z = fm ? FarringtonManningTest.Z(p1, n1, p2, n2, d.Margin) : Wald(p1, n1, p2, n2, d.Margin);
                if (z > zAlpha) power += b1[x1] * b2[x2];
            }
        }
        return Math.Min(1, power);
    }

    private static double Wald(double p1, int n1, double p2, int n2, double margin)
    {
        var variance = p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2;
        var excess = p1 - p2 - margin;
        if (variance > 0) return excess / Math.Sqrt(variance);
        return excess > 0 ? double.PositiveInfinity : double.NegativeInfinity;
    }
}
