namespace ProtocolEngine.Plugins.Escalation;

/// <summary>Isotonic (non-decreasing) regression by pooling adjacent violators.</summary>
internal static class Isotonic
{
    /// <summary>Replaces <paramref name="x"/> by its weighted isotonic regression, in place (weights are pooled in <paramref name="w"/>).</summary>
    public static void Pava(Span<double> x, Span<double> w)
    {
        var n = x.Length;
        Span<double> value = n <= 64 ? stackalloc double[n] : new double[n];
        Span<double> weight = n <= 64 ? stackalloc double[n] : new double[n];
        Span<int> count = n <= 64 ? stackalloc int[n] : new int[n];
        var blocks = 0;
        for (var i = 0; i < n; i++)
        {
            value[blocks] = x[i];
            weight[blocks] = w[i];
            count[blocks] = 1;
            blocks++;
            while (blocks > 1 && value[blocks - 2] > value[blocks - 1])
            {
                var pooled = weight[blocks - 2] + weight[blocks - 1];
                value[blocks - 2] = (value[blocks - 2] * weight[blocks - 2] + value[blocks - 1] * weight[blocks - 1]) / pooled;
                weight[blocks - 2] = pooled;
                count[blocks - 2] += count[blocks - 1];
                blocks--;
            }
        }
        var at = 0;
        for (var b = 0; b < blocks; b++)
        {
            for (var j = 0; j < count[b]; j++)
                x[at++] = value[b];
        }
    }
}
