using System.Diagnostics;

namespace ProtocolEngine.Benchmarks;

/// <summary>
/// `quick`: screenings per second of each implementation, best of several short timed loops on
/// one thread (robust against a busy shared machine, where BenchmarkDotNet's means wander).
/// </summary>
public static class QuickProbe
{
    public static int Run()
    {
        var bench = new ScreeningBenchmarks();
        bench.Setup();
        try
        {
            Report("engine: compiled protocol (status + verdicts)", () => bench.Engine());
            Report("engine: full result (missing, messages, parts)", () => bench.EngineFullResult());
            Report("hand-written C# lambdas", () => bench.Lambdas());
            Report("Microsoft RulesEngine 6.0.1", () => bench.RulesEngine(), iterations: 20_000);
        }
        finally
        {
            bench.Cleanup();
        }
        return 0;
    }

    private static void Report<T>(string name, Func<T> screen, int iterations = 200_000)
    {
        for (var i = 0; i < iterations / 4; i++) screen(); // tier up
        var best = double.MaxValue;
        for (var round = 0; round < 7; round++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++) screen();
            best = Math.Min(best, clock.Elapsed.TotalNanoseconds / iterations);
        }
        Console.WriteLine($"{name,-50} {best,8:0} ns/screening  {1e9 / best,12:N0} screenings/s");
    }
}
