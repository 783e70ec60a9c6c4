using MathNet.Numerics.Distributions;

namespace ProtocolEngine.Plugins.Statistics.Intervals;

/// <summary>Confidence intervals of one binomial proportion.</summary>
internal static class ProportionIntervals
{
    /// <summary>Wilson (1927) score interval: (p + z²/2n ± z sqrt(p q / n + z²/4n²)) / (1 + z²/n).</summary>
    public static (double Lower, double Upper) Wilson(int x, int n, double level)
    {
        var z = Z(level);
        var p = (double)x / n;
        var z2 = z * z;
        var centre = p + z2 / (2 * n);
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        var denominator = 1 + z2 / n;
        return (x == 0 ? 0 : (centre - half) / denominator, x == n ? 1 : (centre + half) / denominator);
    }

    /// <summary>
    /// Wilson interval with continuity correction (Newcombe 1998, single proportion, method 4), the parts of
    /// Newcombe's difference method 11.
    /// </summary>
    public static (double Lower, double Upper) WilsonCorrected(int x, int n, double level)
    {
        var z = Z(level);
        var z2 = z * z;
        var p = (double)x / n;
        var q = 1 - p;
        var lower = x == 0 ? 0 : (2 * n * p + z2 - 1 - z * Math.Sqrt(z2 - 2 - 1.0 / n + 4 * p * (n * q + 1))) / (2 * (n + z2));
        var upper = x == n ? 1 : (2 * n * p + z2 + 1 + z * Math.Sqrt(z2 + 2 - 1.0 / n + 4 * p * (n * q - 1))) / (2 * (n + z2));
        return (Math.Max(0, lower), Math.Min(1, upper));
    }

    /// <summary>Clopper-Pearson (1934): the alpha/2 and 1 - alpha/2 quantiles of Beta(x, n - x + 1) and Beta(x + 1, n - x).</summary>
    public static (double Lower, double Upper) ClopperPearson(int x, int n, double level)
    {
        var tail = (1 - level) / 2;
        var lower = x == 0 ? 0 : Beta.InvCDF(x, n - x + 1, tail);
        var upper = x == n ? 1 : Beta.InvCDF(x + 1, n - x, 1 - tail);
        return (lower, upper);
    }

    /// <summary>The two-sided normal quantile of the level.</summary>
    public static double Z(double level) => Normal.InvCDF(0, 1, 1 - (1 - level) / 2);
}
