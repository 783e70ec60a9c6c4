using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Plugins.Escalation;

/// <summary>
/// Simulated trials, one System.Random(seed) stream (deterministic for a seed), each participant's DLT drawn as
/// uniform &lt; the true rate. BOIN runs as the BOIN package's get.oc (start at level 1, Cohorts cohorts at most,
/// no decision after the last cohort, MTD by select.mtd); 3+3 runs until its rules stop it.
/// </summary>
internal static class Simulator
{
    public static EscalationSimulation Run(EscalationSimulationRequest request, Boin? boin, Action<int>? progress)
    {
        var p = request.TrueToxicity;
        var doses = p.Count;
        var random = new Random(request.Seed);
        int[] n = new int[doses], y = new int[doses], index = new int[doses];
        double[] work = new double[doses], weight = new double[doses];
        var selected = new long[doses];
        var treated = new long[doses];
        long noMtd = 0, stoppedEarly = 0, totalN = 0, totalY = 0;
        var cap = request.Cohorts * request.CohortSize;
        for (var trial = 0; trial < request.Trials; trial++)
        {
            Array.Clear(n);
            Array.Clear(y);
            var mtd = boin is null ? ThreePlusThreeTrial(p, n, y, random) : BoinTrial(boin, request, p, n, y, random, work, weight, index);
            var trialN = 0;
            for (var d = 0; d < doses; d++)
            {
                treated[d] += n[d];
                trialN += n[d];
                totalY += y[d];
            }
            totalN += trialN;
            if (trialN < cap)
                stoppedEarly++;
            if (mtd < 0)
                noMtd++;
            else
                selected[mtd]++;
            if (progress is not null && (trial + 1) % 500 == 0)
                progress(trial + 1);
        }
        double trials = request.Trials;
        return new EscalationSimulation(
            [.. selected.Select(s => 100.0 * s / trials)],
            [.. treated.Select(t => t / trials)],
            100.0 * noMtd / trials,
            totalN == 0 ? 0 : (double)totalY / totalN,
            100.0 * stoppedEarly / trials,
            totalN / trials);
    }

    private static int Cohort(IReadOnlyList<double> p, int d, int size, Random random)
    {
        var dlt = 0;
        for (var i = 0; i < size; i++)
        {
            if (random.NextDouble() < p[d])
                dlt++;
        }
        return dlt;
    }

    private static int BoinTrial(Boin boin, EscalationSimulationRequest request, IReadOnlyList<double> p, int[] n, int[] y, Random random, double[] work, double[] weight, int[] index)
    {
        int d = 0, eliminated = -1;
        for (var cohort = 1; cohort <= request.Cohorts; cohort++)
        {
            y[d] += Cohort(p, d, request.CohortSize, random);
            n[d] += request.CohortSize;
            if (cohort == request.Cohorts)
                break;
            var (action, next, _, firstEliminated) = boin.Decide(d, n, y, eliminated, request.EarlyStopAt);
            eliminated = firstEliminated;
            if (action == DoseAction.Stop)
                return eliminated == 0 ? -1 : boin.SelectMtd(n, y, work, weight, index);
            d = next;
        }
        return boin.SelectMtd(n, y, work, weight, index);
    }

    private static int ThreePlusThreeTrial(IReadOnlyList<double> p, int[] n, int[] y, Random random)
    {
        var d = 0;
        while (true)
        {
            y[d] += Cohort(p, d, 3, random);
            n[d] += 3;
            var (action, next, mtd, _) = ThreePlusThree.Decide(d, n, y);
            if (action == DoseAction.Stop)
                return mtd ?? -1;
            d = next;
        }
    }
}
