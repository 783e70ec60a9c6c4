using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace ProtocolEngine.Benchmarks;

/// <summary>
/// `dotnet run -c Release -- --filter '*'` runs the BenchmarkDotNet suites (short runs: the machine
/// is shared); `dotnet run -c Release -- reload 100` runs the memory probe.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "reload")
            return ReloadProbe.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100);

        var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithId("short"));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return 0;
    }
}
