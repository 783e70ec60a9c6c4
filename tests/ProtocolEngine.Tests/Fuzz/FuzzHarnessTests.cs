using System.Diagnostics;
using ProtocolEngine.Fuzz;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Fuzz;

/// <summary>
/// Issue 11, point 8: the short run of each fuzzing harness inside `dotnet test`. The harness (tests/ProtocolEngine.Fuzz)
/// runs as a child process, so that a stack overflow or a hang ends it and not the test run: it replays its corpus and
/// the reproducers of everything fuzzing found (regressions/), then a fixed number of seeded mutations (the same inputs
/// on every machine). The test fails, naming the input, if any input escapes the documented error path, runs over
/// its time limit, kills the process or the whole run overruns. The long coverage-guided runs are fuzz.sh's (afl-fuzz).
/// </summary>
public sealed class FuzzHarnessTests
{
    private static string Harness => Path.Combine(AppContext.BaseDirectory, "protocol-engine-fuzz.dll");

    private const int Seed = 20261206;

    [Theory]
    [InlineData("yaml", 1500)]
    [InlineData("participant", 3000)]
    [InlineData("cli", 300)]
    public void A_short_run_of_the_harness_handles_every_input_the_documented_way(string target, int mutations)
    {
        using var temp = new TempDirectory();
        var folders = new List<string> { $"corpus/{target}", $"regressions/{target}" };
        if (target == "yaml") folders.Add("corpus/yaml-large");
        foreach (var folder in folders.Take(1))
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, folder)));
        var args = new List<string> { Harness, "replay", target, "--mutations", $"{mutations}", "--seed", $"{Seed}",
            "--dict", Path.Combine(AppContext.BaseDirectory, "dict", $"{target}.dict"), "--limit-seconds", "30",
            "--current", temp.File("current"), "--failures", temp.File("failures") };
        foreach (var folder in folders)
            args.AddRange(["--corpus", Path.Combine(AppContext.BaseDirectory, folder)]);

        var (code, output, timedOut) = Run(args, TimeSpan.FromMinutes(5));
        var current = File.Exists(temp.File("current")) ? Convert.ToBase64String(File.ReadAllBytes(temp.File("current"))) : "(none)";
        Assert.False(timedOut, $"{target}: the short run did not end in 5 minutes; the input being run (base64): {current}\n{output}");
        Assert.True(code == 0, $"{target}: exit {code} (134: the process died, e.g. a stack overflow); the input being run (base64): {current}\n{output}");
        Assert.Contains($"{target}: ", output);
        Assert.Contains($"and {mutations} mutations (seed {Seed})", output);
        Assert.Contains("no failure", output);
    }

    [Fact]
    public void The_short_run_fails_and_keeps_the_input_when_a_target_misbehaves()
    {
        // The same runner as above over a target that throws on one input: the run must stop, say so and save the input.
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("corpus"));
        File.WriteAllText(temp.File("corpus/a"), "fine");
        File.WriteAllText(temp.File("corpus/b"), "boom");
        var log = new StringWriter();
        var run = new ReplayRun(new Exploding(), log) { FailuresFolder = temp.File("failures"), CurrentFile = temp.File("current") };
        run.Corpus.Add(temp.File("corpus"));

        Assert.Equal(1, run.Execute());
        Assert.Contains("FAILURE on ", log.ToString());
        Assert.Contains("exploded on boom", log.ToString());
        Assert.Equal("boom", File.ReadAllText(Assert.Single(Directory.GetFiles(temp.File("failures")))));
    }

    [Fact]
    public void The_short_run_fails_on_an_input_over_its_time_limit()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("corpus"));
        File.WriteAllText(temp.File("corpus/slow"), "slow");
        var log = new StringWriter();
        var run = new ReplayRun(new Exploding(), log) { Limit = TimeSpan.FromMilliseconds(50) };
        run.Corpus.Add(temp.File("corpus"));

        Assert.Equal(1, run.Execute());
        Assert.Contains("over the limit", log.ToString());
    }

    [Fact]
    public void The_same_seed_gives_the_same_mutations()
    {
        byte[][] corpus = [[.. "schema_version: 1\nid: x\n"u8], [.. "{\"age\": 55}"u8]];
        var a = new Mutator(corpus, [[.. "!include "u8]], 7);
        var b = new Mutator(corpus, [[.. "!include "u8]], 7);
        var c = new Mutator(corpus, [[.. "!include "u8]], 8);
        var first = Enumerable.Range(0, 200).Select(_ => Convert.ToBase64String(a.Next())).ToList();
        Assert.Equal(first, Enumerable.Range(0, 200).Select(_ => Convert.ToBase64String(b.Next())));
        Assert.NotEqual(first, Enumerable.Range(0, 200).Select(_ => Convert.ToBase64String(c.Next())));
        Assert.True(first.Distinct().Count() > 150, "mutations should differ from each other");
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("--debug\n", false)]
    [InlineData("tui\n", false)]
    [InlineData("schema\n-o\n/etc/x\n", false)]
    [InlineData("validate\n../protocol.yaml\n", false)]
    [InlineData("@args.rsp\n", false)]
    [InlineData("--help\n", true)]
    [InlineData("stats\nfisher\n1\n2\n3\n4\n", true)]
    public void The_command_line_target_runs_only_argument_vectors_confined_to_its_folder(string input, bool runs)
    {
        Assert.Equal(runs, CommandLineTarget.Arguments(System.Text.Encoding.UTF8.GetBytes(input)) is not null);
    }

    private sealed class Exploding : IFuzzTarget
    {
        public string Name => "exploding";

        public void Run(byte[] input)
        {
            var text = System.Text.Encoding.UTF8.GetString(input);
            if (text == "boom") throw new InvalidOperationException("exploded on boom");
            if (text == "slow") Thread.Sleep(200);
        }
    }

    private static (int Code, string Output, bool TimedOut) Run(IEnumerable<string> args, TimeSpan limit)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        // The harness's heap is capped as under afl-fuzz: runaway memory is an OutOfMemoryException, a failure.
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x40000000";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (-1, output.Result + error.Result, true);
        }
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result, false);
    }
}
