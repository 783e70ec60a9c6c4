using System.Diagnostics;
using ProtocolEngine.Engine.Audit;
using ProtocolEngine.Storage.LiteDb;
using ProtocolEngine.Tests.Records.Support;
using Xunit.Abstractions;

namespace ProtocolEngine.Tests.Storage.Faults;

/// <summary>
/// Issue 11, point 7: `init` is atomic. The database is made under a temporary name and renamed into place whole, so a
/// process killed with SIGKILL at any moment, a full disk or a refused input leaves no half-made database, and a
/// second `init` then works.
/// </summary>
public sealed class AtomicInitTests(ITestOutputHelper output)
{
    /// <summary>The database's folder without the lock file (opening creates it empty; it never holds data).</summary>
    private static string[] Folder(string db) => Directory.Exists(Path.GetDirectoryName(db))
        ? [.. Directory.GetFileSystemEntries(Path.GetDirectoryName(db)!).Select(Path.GetFileName).Where(n => !n!.EndsWith(".lock", StringComparison.Ordinal)).Order(StringComparer.Ordinal)!]
        : [];

    [Fact]
    public async Task An_init_killed_at_any_moment_leaves_the_whole_database_or_none_and_a_second_init_works()
    {
        using var h = new CliHarness();
        string[] init = ["init", "--protocol", h.ProtocolPath];
        // A first run compiles the rules into the cache; a second, timed, gives the span the kills are spread over.
        var warm = await EngineProcess.RunAsync(h.Env, init);
        Assert.True(warm.Code == 0, warm.Err);
        File.Delete(h.DbPath);
        var clock = Stopwatch.StartNew();
        var first = await EngineProcess.RunAsync(h.Env, init);
        var full = clock.Elapsed.TotalMilliseconds;
        Assert.True(first.Code == 0, first.Err);
        File.Delete(h.DbPath);

        var random = new Random(20261206);
        int whole = 0, none = 0, leftovers = 0;
        for (var kill = 0; kill < 8; kill++)
        {
            var delay = full * (0.3 + 0.75 * random.NextDouble());
            using (var p = EngineProcess.Start(h.Env, init))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(delay));
                p.Kill();
                await p.WaitForExitAsync();
            }
            var left = Folder(h.DbPath);
            if (left.Contains("spine-rt.db.init")) leftovers++;
            if (File.Exists(h.DbPath))
            {
                // Whole: it opens, its trail verifies, its administrator signs in.
                whole++;
                Assert.Equal(["spine-rt.db"], left);
                h.Ok("audit", "verify");
                using (var store = LiteRecordStore.OpenReadOnly(h.DbPath, TrialFixture.Key))
                    Assert.Empty(store.Read(AuditVerifier.Verify));
            }
            else
            {
                // None: no database (at most the temporary file, never taken for one), and a second init works.
                none++;
                Assert.DoesNotContain("spine-rt.db", left);
                Assert.Contains("No database at", h.Refused("participant", "list"));
                h.Ok("init");
                Assert.Equal(["spine-rt.db"], Folder(h.DbPath));
                h.Ok("audit", "verify");
            }
            File.Delete(h.DbPath);
        }
        output.WriteLine($"one init took {full:0} ms; 8 kills: {whole} left the whole database, {none} none ({leftovers} a temporary file the next init removed)");
    }

    [Fact]
    public void An_init_refused_for_a_bad_protocol_or_a_taken_path_leaves_nothing()
    {
        using var h = new CliHarness();
        File.WriteAllText(h.ProtocolPath, "{ \"id\": ");
        h.Refused("init");
        Assert.Empty(Folder(h.DbPath));

        h.WriteProtocol(TestProtocols.Spine());
        h.Ok("init");
        var before = File.ReadAllBytes(h.DbPath);
        Assert.Contains("already exists", h.Refused("init"));
        Assert.Equal(before, File.ReadAllBytes(h.DbPath));
    }

    [RootFact]
    public async Task An_init_on_a_full_disk_is_refused_saying_so_and_leaves_nothing_then_works_once_there_is_space()
    {
        using var h = new CliHarness();
        using var disk = new SmallDisk(2048);
        var db = disk.File("trial.db");
        string[] init = ["init", "--protocol", h.ProtocolPath, "--db", db];
        // Room for a few pages: LiteDB starts the file and its journal, then meets the full disk.
        foreach (var leave in new[] { 0, 16 * 1024, 40 * 1024 })
        {
            disk.FillLeaving(leave);
            var (code, _, err) = await EngineProcess.RunAsync(h.Env, init);
            output.WriteLine($"{leave / 1024} KiB free: exit {code}: {err.Trim()}");
            Assert.Equal(2, code);
            Assert.Contains("The disk is full", err);
            Assert.Contains(db, err);
            Assert.Contains("nothing of it was left behind", err);
            Assert.DoesNotContain("   at ", err);
            Assert.Equal(["filler"], Folder(db));
            disk.FreeAll();
        }
        var done = await EngineProcess.RunAsync(h.Env, init);
        Assert.True(done.Code == 0, done.Err);
        Assert.Equal(0, h.Run("audit", "verify", "--db", db).Code);
    }
}
