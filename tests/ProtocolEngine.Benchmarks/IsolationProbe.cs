using System.Diagnostics;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Screening.Isolation;

namespace ProtocolEngine.Benchmarks;

/// <summary>
/// `isolation N`: what screening in the rule worker process costs against screening in this process, on the seed
/// protocol's eligible participant (full results, as the commands use them): the first screening (for the worker:
/// starting the process and loading the rules), one screening once warm (best of 7 rounds), and N screenings in one go.
/// </summary>
public static class IsolationProbe
{
    public static int Run(int count)
    {
        var cache = Path.Combine(Path.GetTempPath(), "pe-bench-isolation-cache");
        var (rules, _) = SeedFixture.Compiled(cache);
        var data = SeedFixture.EligibleData(SeedFixture.Document());
        using (rules)
        {
            var inProcess = new Screener(rules);
            using var pool = new RuleWorkerPool();
            var isolated = new IsolatedScreener(rules, pool: pool);

            var first = Stopwatch.StartNew();
            inProcess.Screen(data);
            var firstInProcess = first.Elapsed;
            first.Restart();
            isolated.Screen(data);
            var firstIsolated = first.Elapsed;

            Console.WriteLine($"first screening       in-process {firstInProcess.TotalMilliseconds,10:0.0} ms   isolated {firstIsolated.TotalMilliseconds,10:0.0} ms (worker start + load + JIT)");
            var a = Best(inProcess, data, 2000);
            var b = Best(isolated, data, 2000);
            Console.WriteLine($"one screening (warm)  in-process {a * 1e6,10:0.0} us   isolated {b * 1e6,10:0.0} us   ({b / a:0}x)");
            var ta = Batch(inProcess, data, count);
            var tb = Batch(isolated, data, count);
            Console.WriteLine($"{count} screenings      in-process {ta * 1e3,10:0.0} ms   isolated {tb * 1e3,10:0.0} ms");
            Console.WriteLine($"workers started: {pool.Started}");
        }
        return 0;
    }

    private static double Best(IScreener screener, Engine.Participants.ParticipantData data, int iterations)
    {
        for (var i = 0; i < iterations / 4; i++) screener.Screen(data);
        var best = double.MaxValue;
        for (var round = 0; round < 7; round++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++) screener.Screen(data);
            best = Math.Min(best, clock.Elapsed.TotalSeconds / iterations);
        }
        return best;
    }

    private static double Batch(IScreener screener, Engine.Participants.ParticipantData data, int count)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++) screener.Screen(data);
        return clock.Elapsed.TotalSeconds;
    }
}
