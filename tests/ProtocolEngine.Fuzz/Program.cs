using SharpFuzz;

namespace ProtocolEngine.Fuzz;

/// <summary>
/// <c>protocol-engine-fuzz afl TARGET</c>: the target under afl-fuzz (<see cref="AflForkServer"/>; run once on standard input
/// without afl). <c>protocol-engine-fuzz replay TARGET [--corpus DIR]... [--mutations N] [--seed S]
/// [--limit-seconds T] [--dict FILE] [--current FILE] [--failures DIR]</c>: the short run. <c>protocol-engine-fuzz run
/// TARGET FILE...</c>: each file once (a crash's reproduction). Targets: yaml, participant, cli.
/// </summary>
public static class Program
{
    /// <summary>Exit 0: every input handled the documented way; 1: a failure (printed); 2: bad arguments.</summary>
    public static int Main(string[] args)
    {
        // The command-line target works in a folder of its own: paths given here are taken from where the harness started.
        var started = Environment.CurrentDirectory;
        if (args.Length < 2 || !FuzzTargets.Names.Contains(args[1]))
        {
            Console.Error.WriteLine($"usage: protocol-engine-fuzz afl|replay|run TARGET [...]; targets: {string.Join(", ", FuzzTargets.Names)}");
            return 2;
        }
        if (args[0] != "afl")
        {
            // Outside afl, Fuzzer.Run runs its action once over a coverage map of its own, so that these modes also
            // work from an instrumented build (instrumented code must not run before a map is set up).
            var code = 2;
            Fuzzer.Run(_ => code = Once(args, started));
            return code;
        }
        // afl's fork server, running the inputs in a child process it replaces when one dies, hangs or grows too large.
        AflForkServer.Run(args[1]);
        return 0;
    }

    private static int Once(string[] args, string started)
    {
        var target = FuzzTargets.Create(args[1])!;
        switch (args[0])
        {
            case "run":
                var failed = 0;
                foreach (var file in args.Skip(2))
                {
                    try { target.Run(File.ReadAllBytes(Path.Combine(started, file))); Console.WriteLine($"{file}: handled"); }
                    catch (Exception ex) { failed++; Console.WriteLine($"{file}: FAILURE {ex}"); }
                }
                return failed == 0 ? 0 : 1;
            case "replay":
                return Replay(target, args[2..], started);
            default:
                Console.Error.WriteLine($"unknown mode '{args[0]}': afl, replay or run.");
                return 2;
        }
    }

    private static int Replay(IFuzzTarget target, string[] args, string started)
    {
        var corpus = new List<string>();
        int mutations = 0, seed = 1;
        double limit = 10;
        string? dict = null, current = null, failures = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            var path = Path.Combine(started, value);
            switch (args[i])
            {
                case "--corpus": corpus.Add(path); break;
                case "--mutations": mutations = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "--limit-seconds": limit = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "--dict": dict = path; break;
                case "--current": current = path; break;
                case "--failures": failures = path; break;
                default: Console.Error.WriteLine($"unknown option '{args[i]}'"); return 2;
            }
        }
        var run = new ReplayRun(target, Console.Out)
        {
            Mutations = mutations, Seed = seed, Limit = TimeSpan.FromSeconds(limit), Dictionary = dict, CurrentFile = current, FailuresFolder = failures,
        };
        run.Corpus.AddRange(corpus);
        return run.Execute();
    }
}
