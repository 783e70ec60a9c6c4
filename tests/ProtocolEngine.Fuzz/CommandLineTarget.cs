using System.Text;
using ProtocolEngine.Cli;
using ProtocolEngine.Cli.Records;

namespace ProtocolEngine.Fuzz;

/// <summary>
/// The command-line layer: the input is an argument vector (one argument a line), run through the real parser and
/// command dispatch (<see cref="ProtocolEngine.Cli.Program.Run(string[], TextWriter, TextWriter, RecordsCliServices)"/>) with the
/// program's own edges, in a throwaway copy of the seed trial's folder. No database is touched: the environment
/// gives no user, password or key and nothing can be asked at a terminal, so a records command stops at its
/// login. Failure: an exception escaping <c>Program.Run</c>; an internal error (exit 1 with "internal error:");
/// exit 2 without a message. Not run (the harness's confinement, not the product's): an argument vector with no
/// command or with <c>tui</c> (the interactive terminal UI), an <c>@file</c> response file, an absolute path or a
/// <c>..</c> (so that nothing outside the throwaway folder is read or written), a NUL (no real argv holds one).
/// </summary>
public sealed class CommandLineTarget : IFuzzTarget
{
    /// <summary>At most this many arguments are taken from one input.</summary>
    public const int MaxArguments = 48;

    private readonly WorkFolder _work;
    private readonly Dictionary<string, string> _environment;

    /// <summary>Sets up the throwaway folder, the rule cache and the environment, and warms the cache with a `validate`.</summary>
    public CommandLineTarget()
    {
        _work = new WorkFolder(Name);
        var outside = SeedTrial.NewWorkFolder(Name + "-state");
        // One rule cache for every run of the harness (keyed by the protocol's hash, so it is shared safely), warmed before afl starts.
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PROTOCOL_ENGINE_CACHE")))
            Environment.SetEnvironmentVariable("PROTOCOL_ENGINE_CACHE", Path.Combine(Path.GetTempPath(), "protocol-engine-fuzz-cache"));
        Environment.SetEnvironmentVariable("NO_COLOR", "1");
        _environment = new(StringComparer.Ordinal)
        {
            ["XDG_STATE_HOME"] = Path.Combine(outside, "state"),
            ["HOME"] = outside,
            ["NO_COLOR"] = "1",
        };
        Directory.SetCurrentDirectory(_work.Path);
        Run(Encoding.UTF8.GetBytes("validate"));
    }

    /// <inheritdoc />
    public string Name => "cli";

    /// <summary>PROTOCOL_ENGINE_FUZZ_VERBOSE=1: each input's exit code and first line of stderr on stderr (to see what a corpus reaches).</summary>
    private static bool Verbose { get; } = Environment.GetEnvironmentVariable("PROTOCOL_ENGINE_FUZZ_VERBOSE") == "1";

    /// <summary>The program's own services (new for each input, so nothing is carried over), with no credentials, no terminal and a stopped clock.</summary>
    private RecordsCliServices Services(TextWriter error) => RecordsCliServices.Default(error) with
    {
        Environment = name => _environment.GetValueOrDefault(name),
        Prompt = Prompt.None,
        Clock = new FixedClock(new DateTimeOffset(2026, 11, 23, 4, 0, 0, TimeSpan.Zero)),
    };

    /// <summary>The argument vector an input stands for; null when the harness does not run it (see the class).</summary>
    public static string[]? Arguments(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        var args = text.Split('\n').Select(a => a.TrimEnd('\r')).ToList();
        if (args.Count > 0 && args[^1].Length == 0) args.RemoveAt(args.Count - 1);
        if (args.Count > MaxArguments) args = args[..MaxArguments];
        foreach (var a in args)
            if (a.Contains('\0') || a.StartsWith('@') || Path.IsPathRooted(a) || a.Contains("..", StringComparison.Ordinal)
                || a.Contains("=/", StringComparison.Ordinal) || a.Contains(":/", StringComparison.Ordinal) || a.StartsWith('~'))
                return null;
        var command = args.FirstOrDefault(a => !a.StartsWith('-'));
        var help = args.Any(a => a is "-h" or "--help" or "-?" or "/?" or "/h" or "--version");
        if (command is null && !help) return null;
        if (command == "tui") return null;
        return [.. args];
    }

    /// <inheritdoc />
    public void Run(byte[] input)
    {
        if (Arguments(input) is not { } args) return;
        var output = new StringWriter();
        var error = new StringWriter();
        try
        {
            var code = ProtocolEngine.Cli.Program.Run(args, output, error, Services(error));
            var said = error.ToString();
            if (Verbose)
                Console.Error.WriteLine($"[{string.Join(" | ", args)}] exit {code}: {said.Split('\n')[0]}");
            if (said.Contains("internal error:", StringComparison.Ordinal))
                throw new FuzzFailure($"internal error (exit {code}) for [{string.Join(" | ", args)}]: {said}");
            if (code == ExitCodes.InvalidInput && string.IsNullOrWhiteSpace(said))
                throw new FuzzFailure($"exit 2 without a message for [{string.Join(" | ", args)}]");
        }
        finally
        {
            _work.Restore();
        }
    }
}
