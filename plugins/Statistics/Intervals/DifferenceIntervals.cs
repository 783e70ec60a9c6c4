using MathNet.Numerics.Distributions;
using MathNet.Numerics.RootFinding;

namespace ProtocolEngine.Plugins.Statistics.Intervals;

/// <summary>Confidence intervals of p1 - p2 for two independent binomials (method numbers of Newcombe 1998, Stat Med 17:873).</summary>
internal static class DifferenceIntervals
{
    /// <summary>Method 1: d ± z sqrt(p1 q1 / n1 + p2 q2 / n2), truncated to [-1, 1].</summary>
    public static (double Lower, double Upper) Wald(int x1, int n1, int x2, int n2, double level)
    {
        double p1 = (double)x1 / n1, p2 = (double)x2 / n2, d = p1 - p2;
        var half = ProportionIntervals.Z(level) * Math.Sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
        return (Math.Max(-1, d - half), Math.Min(1, d + half));
    }

    /// <summary>Method 10: d - sqrt((p1 - l1)² + (u2 - p2)²), d + sqrt((u1 - p1)² + (p2 - l2)²) from the Wilson limits.</summary>
    public static (double Lower, double Upper) Newcombe(int x1, int n1, int x2, int n2, double level) =>
        Hybrid(x1, n1, x2, n2, ProportionIntervals.Wilson(x1, n1, level), ProportionIntervals.Wilson(x2, n2, level));

    /// <summary>Method 11: method 10 from continuity-corrected Wilson limits.</summary>
    public static (double Lower, double Upper) NewcombeCorrected(int x1, int n1, int x2, int n2, double level) =>
        Hybrid(x1, n1, x2, n2, ProportionIntervals.WilsonCorrected(x1, n1, level), ProportionIntervals.WilsonCorrected(x2, n2, level));

    /// <summary>
    /// Method 6, Miettinen and Nurminen (1985): the deltas whose score statistic
    /// (d - delta)² / (V(delta) N / (N - 1)) equals the chi-square quantile, V at the restricted MLE.
    /// </summary>
    public static (double Lower, double Upper) MiettinenNurminen(int x1, int n1, int x2, int n2, double level)
    {
        double p1 = (double)x1 / n1, p2 = (double)x2 / n2, d = p1 - p2;
        var critical = ChiSquared.InvCDF(1, level);
        var inflation = (double)(n1 + n2) / (n1 + n2 - 1);
        // At delta = d the statistic is 0 whatever the variance: when both rates sit at 0 or 1 the restricted
        // variance there is 0 too, and 0/0 taken as +infinity left Brent a bracket with the same sign at both ends
        // (1/1 against 0/5 failed so). The point estimate is inside every score interval.
        double Excess(double delta)
        {
            if (delta == d)
            {
                return -critical;
            }
            var variance = RestrictedEstimate.Variance(p1, n1, p2, n2, delta) * inflation;
            return variance <= 0 ? double.PositiveInfinity : (d - delta) * (d - delta) / variance - critical;
        }
        const double edge = 1 - 1e-10;
        var lower = d <= -edge || Excess(-edge) <= 0 ? -1 : Brent.FindRoot(Excess, -edge, d, 1e-12, 500);
        var upper = d >= edge || Excess(edge) <= 0 ? 1 : Brent.FindRoot(Excess, d, edge, 1e-12, 500);
        return (lower, upper);
    }

    private static (double, double) Hybrid(int x1, int n1, int x2, int n2, (double Lower, double Upper) w1, (double Lower, double Upper) w2)
    {
        double p1 = (double)x1 / n1, p2 = (double)x2 / n2, d = p1 - p2;
        var lower = d - Math.Sqrt(Square(p1 - w1.Lower) + Square(w2.Upper - p2));
        var upper = d + Math.Sqrt(Square(w1.Upper - p1) + Square(p2 - w2.Lower));
        return (Math.Max(-1, lower), Math.Min(1, upper));
    }

    private static double Square(double v) => v * v;
}
