using MathNet.Numerics.Distributions;
using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Plugins.Escalation;

/// <summary>
/// BOIN (Liu and Yuan 2015, JRSS-C 64:507) with the defaults of the BOIN R package (get.boundary, get.oc, select.mtd):
/// phi1 = 0.6 phi, phi2 = 1.4 phi, elimination when n >= 3 and Pr(p > phi | y, n) > 0.95 under Beta(1, 1).
/// </summary>
internal sealed class Boin
{
    public const string Name = "boin";
    private const double EliminationCutoff = 0.95;

    public Boin(double target)
    {
        if (!(target >= 0.05 && target <= 0.6))
            throw new ArgumentException($"target toxicity {target}: BOIN needs a target in [0.05, 0.6] (as the BOIN package), e.g. 0.3.");
        Target = target;
        double phi1 = 0.6 * target, phi2 = 1.4 * target;
        LambdaE = Math.Log((1 - phi1) / (1 - target)) / Math.Log(target * (1 - phi1) / (phi1 * (1 - target)));
        LambdaD = Math.Log((1 - target) / (1 - phi2)) / Math.Log(phi2 * (1 - target) / (target * (1 - phi2)));
    }

    public double Target { get; }
    public double LambdaE { get; }
    public double LambdaD { get; }

    /// <summary>Escalate if the DLTs among <paramref name="n"/> are at most this (floor(n lambda_e); -1 when none).</summary>
    public int EscalateAtMost(int n) => (int)Math.Floor(n * LambdaE);

    /// <summary>De-escalate if the DLTs among <paramref name="n"/> are at least this (ceiling(n lambda_d)).</summary>
    public int DeEscalateAtLeast(int n) => (int)Math.Ceiling(n * LambdaD);

    /// <summary>Pr(p &gt; phi | y of n) under Beta(1, 1): 1 - the Beta(y + 1, n - y + 1) CDF at phi.</summary>
    public double OverdoseProbability(int y, int n) => 1 - Beta.CDF(y + 1, n - y + 1, Target);

    /// <summary>Whether y of n eliminates the dose (n &gt;= 3 and Pr(p &gt; phi | data) &gt; 0.95).</summary>
    public bool Eliminates(int y, int n) => n >= 3 && OverdoseProbability(y, n) > EliminationCutoff;

    /// <summary>The least DLT count that eliminates among <paramref name="n"/>; null when none does (n &lt; 3 or not even n of n).</summary>
    public int? EliminateAtLeast(int n)
    {
        for (var y = 0; y <= n; y++)
        {
            if (Eliminates(y, n))
                return y;
        }
        return null;
    }

    public EscalationBoundaries Boundaries(int cohortSize, int maxTreated)
    {
        var rows = new List<EscalationBoundaryRow>();
        for (var n = cohortSize; n <= maxTreated; n += cohortSize)
        {
            var e = EscalateAtMost(n);
            var d = DeEscalateAtLeast(n);
            rows.Add(new EscalationBoundaryRow(n, e >= 0 ? e : null, d <= n ? d : null, EliminateAtLeast(n)));
        }
        return new EscalationBoundaries(Name, LambdaE, LambdaD, rows);
    }

    /// <summary>The lowest eliminated level (0-based) by the data at every level, or -1 (select.mtd's scan).</summary>
    public int FirstEliminated(ReadOnlySpan<int> n, ReadOnlySpan<int> y)
    {
        for (var i = 0; i < n.Length; i++)
        {
            if (Eliminates(y[i], n[i]))
                return i;
        }
        return -1;
    }

    /// <summary>
    /// The next dose after the last cohort at <paramref name="current"/> (0-based), as get.oc runs a trial:
    /// eliminate the current dose and all higher ones if its data say so (the lowest eliminated: stop, no MTD);
    /// after <paramref name="earlyStopAt"/> at the current dose, stop when the design would stay; else escalate when
    /// y/n &lt;= lambda_e and the next dose is not eliminated, de-escalate when y/n &gt;= lambda_d and not at the lowest, else stay.
    /// </summary>
    public (DoseAction Action, int Next, string Reason, int FirstEliminated) Decide(int current, ReadOnlySpan<int> n, ReadOnlySpan<int> y, int firstEliminated, int? earlyStopAt)
    {
        int c = current, nc = n[c], yc = y[c], top = n.Length - 1;
        if (nc < 1)
            throw new ArgumentException($"level {c + 1}, the current dose, has no participant evaluated yet.");
        var eliminated = firstEliminated;
        if (Eliminates(yc, nc) && (eliminated < 0 || c < eliminated))
            eliminated = c;
        var rate = $"{yc}/{nc} DLT at level {c + 1}";
        if (eliminated == 0)
            return (DoseAction.Stop, -1, $"{rate}: Pr(p > {Target:0.###} | data) = {OverdoseProbability(y[0], n[0]):0.###} > 0.95 eliminates the lowest dose: stop, no MTD.", 0);
        var blocked = c == top || (eliminated >= 0 && c + 1 >= eliminated);
        bool escalate = yc <= EscalateAtMost(nc), deEscalate = yc >= DeEscalateAtLeast(nc);
        var stays = (!escalate && !deEscalate) || (escalate && blocked) || (deEscalate && c == 0);
        if (earlyStopAt is { } early && nc >= early && stays)
            return (DoseAction.Stop, -1, $"{rate}: {nc} treated at the current dose reach the early stop of {early}: stop and select the MTD.", eliminated);
        if (escalate && !blocked)
            return (DoseAction.Escalate, c + 1, $"{rate}: {Rate(yc, nc)} <= lambda_e = {LambdaE:0.###}: escalate to level {c + 2}.", eliminated);
        if (deEscalate && c > 0)
        {
            var why = eliminated >= 0 && eliminated <= c ? $" (level {eliminated + 1} and above eliminated)" : "";
            return (DoseAction.DeEscalate, c - 1, $"{rate}: {Rate(yc, nc)} >= lambda_d = {LambdaD:0.###}{why}: de-escalate to level {c}.", eliminated);
        }
        var stay = escalate ? (c == top ? "escalate but this is the highest dose" : $"escalate but level {c + 2} is eliminated")
            : deEscalate ? "de-escalate but this is the lowest dose"
            : $"between lambda_e = {LambdaE:0.###} and lambda_d = {LambdaD:0.###}";
        return (DoseAction.Stay, c, $"{rate}: {stay}: stay at level {c + 1}.", eliminated);
    }

    /// <summary>
    /// select.mtd of the BOIN package: drop eliminated doses (scanning from the lowest) and untried ones; estimate each
    /// rate as (y + 0.05) / (n + 0.1) (Beta(0.05, 0.05) posterior mean), pool adjacent violators weighted by the inverse
    /// posterior variance, add i * 1e-10 to the i-th estimate (so equal estimates above phi pick the lower dose and
    /// below phi the higher), and pick the dose closest to phi. -1: no MTD (lowest dose eliminated, or nothing tried).
    /// </summary>
    public int SelectMtd(ReadOnlySpan<int> n, ReadOnlySpan<int> y, Span<double> work, Span<double> weight, Span<int> index)
    {
        var eliminated = FirstEliminated(n, y);
        var end = eliminated < 0 ? n.Length : eliminated;
        if (end == 0)
            return -1;
        var k = 0;
        for (var i = 0; i < end; i++)
        {
            if (n[i] == 0)
                continue;
            double a = y[i] + 0.05, b = n[i] - y[i] + 0.05, s = n[i] + 0.1;
            work[k] = a / s;
            weight[k] = s * s * (s + 1) / (a * b);
            index[k++] = i;
        }
        if (k == 0)
            return -1;
        Isotonic.Pava(work[..k], weight[..k]);
        var best = 0;
        var bestDistance = double.MaxValue;
        for (var j = 0; j < k; j++)
        {
            var distance = Math.Abs(work[j] + (j + 1) * 1e-10 - Target);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = j;
            }
        }
        return index[best];
    }

    private static string Rate(int y, int n) => ((double)y / n).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
