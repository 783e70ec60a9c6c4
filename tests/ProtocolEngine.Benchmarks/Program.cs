using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ProtocolEngine.Benchmarks;

/// <summary>
/// `dotnet run -c Release -- --filter '*'` runs the BenchmarkDotNet suites (short runs: the machine
/// is shared); `-- quick` times screenings with plain loops (best of 7); `-- reload 100` runs the memory probe;
/// `-- isolation 1000` compares screening in the rule worker process with screening in this one.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "quick")
            return QuickProbe.Run();
        if (args.Length > 0 && args[0] == "isolation")
            return IsolationProbe.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000);
        if (args.Length > 0 && args[0] == "reload")
            return ReloadProbe.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100);

        // Short, in-process runs: the machine is shared, and a separate build per benchmark costs more than it tells.
        var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("short-inprocess"));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return 0;
    }
}
