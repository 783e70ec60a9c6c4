namespace ProtocolEngine.Plugins.PainResponse;

/// <summary>The consensus' 25% analgesic thresholds against baseline OMED, exact at the boundary.</summary>
internal static class OmedChange
{
    /// <summary>Tolerance for decimal doses (30 of 40 mg is exactly 25% whatever the binary rounding).</summary>
    private const double Tolerance = 1e-9;

    /// <summary>OMED at least 25% above baseline; from a baseline of 0, any analgesic is such a rise.</summary>
    public static bool RaisedByQuarter(double baseline, double now) =>
        baseline == 0 ? now > 0 : now - 1.25 * baseline >= -Tolerance * baseline;

    /// <summary>OMED at least 25% below baseline; from a baseline of 0 there is nothing to reduce.</summary>
    public static bool ReducedByQuarter(double baseline, double now) =>
        baseline > 0 && now - 0.75 * baseline <= Tolerance * baseline;
}
