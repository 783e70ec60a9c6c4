using System.Diagnostics;

namespace ProtocolEngine.Fuzz;

/// <summary>
/// The short run <c>dotnet test</c> makes of a target: every file of its corpus (and of its crash reproducers),
/// then a bounded number of seeded mutations. Before each input it writes the input to <see cref="CurrentFile"/>,
/// so that when the process dies (a stack overflow) or is killed (a hang) the caller knows which input did it.
/// A failure is written to <see cref="FailuresFolder"/> and ends the run.
/// </summary>
public sealed class ReplayRun(IFuzzTarget target, TextWriter log)
{
    /// <summary>Folders whose files are replayed as they are.</summary>
    public List<string> Corpus { get; } = [];

    /// <summary>How many mutated inputs to run after the corpus.</summary>
    public int Mutations { get; init; }

    /// <summary>The mutations' seed.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>An input that takes longer than this is a failure (a hang that did end).</summary>
    public TimeSpan Limit { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The afl-fuzz dictionary the mutations draw tokens from, if any.</summary>
    public string? Dictionary { get; init; }

    /// <summary>Where each input is written before it runs; null: nowhere.</summary>
    public string? CurrentFile { get; init; }

    /// <summary>Where a failing input is saved; null: nowhere.</summary>
    public string? FailuresFolder { get; init; }

    /// <summary>Runs the corpus and the mutations; 0 when every input was handled the documented way, else 1.</summary>
    public int Execute()
    {
        var files = Corpus.Where(Directory.Exists)
            .SelectMany(c => Directory.EnumerateFiles(c, "*", SearchOption.AllDirectories))
            .Where(f => !Path.GetFileName(f).StartsWith('.') && !f.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        var inputs = files.Select(File.ReadAllBytes).ToList();
        var count = 0;
        for (var i = 0; i < inputs.Count; i++, count++)
            if (!RunOne(inputs[i], files[i]))
                return 1;
        if (inputs.Count == 0 && Mutations > 0)
            inputs.Add([]);
        var mutator = new Mutator(inputs, Dictionary is null ? [] : Mutator.ReadDictionary(Dictionary), Seed);
        for (var m = 0; m < Mutations; m++, count++)
            if (!RunOne(mutator.Next(), $"mutation {m} (seed {Seed})"))
                return 1;
        log.WriteLine($"{target.Name}: {files.Count} corpus inputs and {Mutations} mutations (seed {Seed}), {count} runs, no failure.");
        return 0;
    }

    private bool RunOne(byte[] input, string name)
    {
        if (CurrentFile is not null)
            File.WriteAllBytes(CurrentFile, input);
        var watch = Stopwatch.StartNew();
        try
        {
            target.Run(input);
            if (watch.Elapsed > Limit)
                throw new FuzzFailure($"took {watch.Elapsed.TotalSeconds:0.0} s, over the limit of {Limit.TotalSeconds:0.0} s");
            return true;
        }
        catch (Exception ex)
        {
            log.WriteLine($"{target.Name}: FAILURE on {name}: {ex}");
            log.WriteLine($"input (base64): {Convert.ToBase64String(input)}");
            if (FailuresFolder is not null)
            {
                Directory.CreateDirectory(FailuresFolder);
                var path = Path.Combine(FailuresFolder, $"{target.Name}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(input))[..16]}");
                File.WriteAllBytes(path, input);
                log.WriteLine($"saved to {path}");
            }
            return false;
        }
    }
}
