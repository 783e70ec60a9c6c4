using MathNet.Numerics.Distributions;
using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Plugins.Statistics.Checks;
using ProtocolEngine.Plugins.Statistics.Intervals;

namespace ProtocolEngine.Plugins.Statistics.Design;

/// <summary>
/// Normal-approximation power of the one-sided non-inferiority test of two proportions, H0: p1 - p2 &lt;= margin.
/// chow-shao-wang: Phi((e - margin) / s1 - z_alpha), s1² = p1 q1 / n1 + p2 q2 / n2 (Chow, Shao and Wang,
/// "Sample Size Calculations in Clinical Research", section 4.2, two-sample parallel design).
/// farrington-manning: Phi(((e - margin) - z_alpha s0) / s1), s0 at the rates restricted to p1 - p2 = margin
/// (Farrington and Manning 1990, eq. for power of the score test).
/// </summary>
internal static class NormalPower
{
    public static double Of(NonInferiorityDesign d, int n1, int n2)
    {
        double p1 = d.ExperimentalRate, p2 = d.ControlRate;
        var zAlpha = Normal.InvCDF(0, 1, 1 - d.Alpha);
        var s1 = Math.Sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
        var excess = p1 - p2 - d.Margin;
        if (Methods.Of(d) == Methods.ChowShaoWang)
            return Normal.CDF(0, 1, excess / s1 - zAlpha);
        var s0 = Math.Sqrt(RestrictedEstimate.Variance(p1, n1, p2, n2, d.Margin));
        return Normal.CDF(0, 1, (excess - zAlpha * s0) / s1);
    }

    /// <summary>
    /// Chow, Shao and Wang 4.2: n2 = (z_alpha + z_beta)² (p1 q1 / kappa + p2 q2) / (e - margin)², n1 = kappa n2,
    /// kappa = n1 / n2; unrounded. Any margin sign (a positive one is their superiority case).
    /// </summary>
    public static double ControlSizeChowShaoWang(double p1, double p2, double margin, double alpha, double power, double kappa)
    {
        var z = Normal.InvCDF(0, 1, 1 - alpha) + Normal.InvCDF(0, 1, power);
        var excess = p1 - p2 - margin;
        return z * z * (p1 * (1 - p1) / kappa + p2 * (1 - p2)) / (excess * excess);
    }
}
