using System.Diagnostics;
using ProtocolEngine.Engine.Rules;
using ProtocolEngine.Engine.Screening;

namespace ProtocolEngine.Benchmarks;

/// <summary>
/// `reload N`: edits the seed protocol N times (each edit a new cache key, so a real compile), loads,
/// screens once and unloads each version, and reports how much the process grew.
/// </summary>
public static class ReloadProbe
{
    public static int Run(int count)
    {
        var work = Path.Combine(Path.GetTempPath(), "pe-reload", Guid.NewGuid().ToString("N"));
        CopyDirectory(Path.Combine(SeedFixture.RepoRoot, "protocols"), Path.Combine(work, "protocols"));
        var yaml = Path.Combine(work, "protocol.yaml");
        var original = File.ReadAllText(SeedFixture.ProtocolPath);
        var options = new RuleOptions { CacheDirectory = Path.Combine(work, "cache") };

        void Once(int i)
        {
            File.WriteAllText(yaml, original.Replace("rule: ecog <= 1", $"rule: ecog <= 1 + {i} - {i}"));
            var document = SeedFixture.Engine.Loader.Load(yaml).Document!;
            using var rules = SeedFixture.Engine.Rules.Load(document, options).Rules!;
            var status = new Screener(rules).Screen(rules.Bind(SeedFixture.EligibleData(document))).Status;
            if (status != ScreeningStatus.Eligible) throw new InvalidOperationException($"reload {i}: {status}");
        }

        for (var i = 0; i < 5; i++) Once(-1 - i); // warm up Roslyn and the JIT
        var (managedBefore, rssBefore) = Measure();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            Once(i);
            if ((i + 1) % 25 == 0 && i + 1 < count)
            {
                clock.Stop();
                var (m, r) = Measure();
                Console.WriteLine($"  after {i + 1,3}: managed {m / 1e6:0.0} MB, RSS {r / 1e6:0.0} MB");
                clock.Start();
            }
        }
        clock.Stop();
        var (managedAfter, rssAfter) = Measure();
        Console.WriteLine($"{count} reloads of an edited protocol in {clock.Elapsed.TotalSeconds:0.0} s ({clock.Elapsed.TotalMilliseconds / count:0} ms each)");
        Console.WriteLine($"managed heap: {managedBefore / 1e6:0.0} MB -> {managedAfter / 1e6:0.0} MB ({(managedAfter - managedBefore) / 1e6:+0.0;-0.0} MB)");
        Console.WriteLine($"process (RSS): {rssBefore / 1e6:0.0} MB -> {rssAfter / 1e6:0.0} MB ({(rssAfter - rssBefore) / 1e6:+0.0;-0.0} MB)");
        Directory.Delete(work, recursive: true);
        return 0;
    }

    private static (long Managed, long Rss) Measure()
    {
        for (var i = 0; i < 5; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        using var self = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), self.WorkingSet64);
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from)) CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}
