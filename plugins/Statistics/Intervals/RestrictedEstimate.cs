namespace ProtocolEngine.Plugins.Statistics.Intervals;

/// <summary>
/// The maximum-likelihood rates (p1, p2) of two binomials under p1 - p2 = delta, in closed form
/// (Farrington and Manning 1990, Stat Med 9:1447, section 2; the same cubic as Miettinen and Nurminen 1985).
/// </summary>
internal static class RestrictedEstimate
{
    public static (double P1, double P2) Of(double p1, int n1, double p2, int n2, double delta)
    {
        var theta = (double)n2 / n1;
        var a = 1 + theta;
        var b = -(1 + theta + p1 + theta * p2 + delta * (theta + 2));
        var c = delta * delta + delta * (2 * p1 + theta + 1) + p1 + theta * p2;
        var d = -p1 * delta * (1 + delta);
        var v = b * b * b / (27 * a * a * a) - b * c / (6 * a * a) + d / (2 * a);
        var u = Math.Sign(v) * Math.Sqrt(Math.Max(0, b * b / (9 * a * a) - c / (3 * a)));
        var w = u == 0 ? Math.PI / 2 : (Math.PI + Math.Acos(Math.Clamp(v / (u * u * u), -1, 1))) / 3;
        var r1 = Math.Clamp(2 * u * Math.Cos(w) - b / (3 * a), 0, 1);
        var r2 = Math.Clamp(r1 - delta, 0, 1);
        return (r1, r2);
    }

    /// <summary>Variance of p1 - p2 at the restricted estimate.</summary>
    public static double Variance(double p1, int n1, double p2, int n2, double delta)
    {
        var (r1, r2) = Of(p1, n1, p2, n2, delta);
        return r1 * (1 - r1) / n1 + r2 * (1 - r2) / n2;
    }
}
