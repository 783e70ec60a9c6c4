using MathNet.Numerics.Distributions;
using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Plugins.Statistics.Tests;

/// <summary>
/// Fisher's exact test of [[a, b], [c, d]] conditional on the margins, as R's fisher.test computes it: the first
/// cell is hypergeometric; two-sided sums the tables whose probability is at most the observed one's times
/// (1 + 1e-7), the relative tolerance R uses so that ties computed in floating point count.
/// </summary>
internal static class FisherExact
{
    private const double RelativeTolerance = 1 + 1e-7;

    public static double P(int a, int b, int c, int d, FisherAlternative alternative)
    {
        var firstColumn = a + c;
        var secondColumn = b + d;
        var firstRow = a + b;
        var low = Math.Max(0, firstRow - secondColumn);
        var high = Math.Min(firstRow, firstColumn);
        var logs = new double[high - low + 1];
        for (var k = low; k <= high; k++)
            logs[k - low] = Hypergeometric.PMFLn(firstColumn + secondColumn, firstColumn, firstRow, k);
        // As R: densities relative to the largest, so that the sum does not underflow.
        var max = logs.Max();
        var density = logs.Select(l => Math.Exp(l - max)).ToArray();
        var total = density.Sum();
        var observed = density[a - low];
        double Sum(Func<int, double, bool> keep) => density.Where((p, i) => keep(i + low, p)).Sum() / total;
        var p = alternative switch
        {
            FisherAlternative.Less => Sum((k, _) => k <= a),
            FisherAlternative.Greater => Sum((k, _) => k >= a),
            _ => Sum((_, q) => q <= observed * RelativeTolerance),
        };
        return Math.Min(1, p);
    }
}
