using System.Text.Json;
using ProtocolEngine.Engine.Audit;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Storage.LiteDb;
using ProtocolEngine.Tests.Records.Support;
using Xunit.Abstractions;

namespace ProtocolEngine.Tests.Storage.Faults;

/// <summary>
/// Issue 11, point 7, end to end: real `protocol-engine` processes write to a database on a small tmpfs until the disk
/// is full; the command that meets it exits 2 saying so, and once space is free the database opens, `audit verify`
/// passes and it holds exactly what the commands that succeeded wrote. A `demo` (one transaction per simulated day)
/// meets the full disk the same way.
/// </summary>
public sealed class FullDiskCommandTests(ITestOutputHelper output)
{
    private static void AssertDiskFull(int code, string err, string db)
    {
        Assert.True(code == 2, $"expected exit 2, got {code}: {err}");
        Assert.Contains("The disk is full", err);
        Assert.Contains(db, err);
        Assert.DoesNotContain("   at ", err);
        Assert.DoesNotContain("internal error", err);
    }

    [RootFact]
    public async Task Writing_commands_on_a_full_disk_exit_2_and_lose_nothing_that_committed()
    {
        using var h = new CliHarness();
        using var disk = new SmallDisk(3 * 1024);
        var db = disk.File("trial.db");
        string[] Args(params string[] args) => [.. args, "--protocol", h.ProtocolPath, "--db", db];
        var init = await EngineProcess.RunAsync(h.Env, Args("init"));
        Assert.True(init.Code == 0, init.Err);

        // A little room: the first registrations fit in the journal, then one meets the full disk.
        disk.FillLeaving(64 * 1024);
        var added = new List<string>();
        (int Code, string Out, string Err) last = default;
        for (var n = 1; n <= 40; n++)
        {
            last = await EngineProcess.RunAsync(h.Env, Args("participant", "add", "--site", "mch", "--initials", "FD", "--birth-year", "1961",
                "--sex", "male", "--screening-number", $"{n}", "--format", "json"));
            if (last.Code != 0) break;
            added.Add(JsonDocument.Parse(last.Out).RootElement.GetProperty("id").GetString()!);
        }
        output.WriteLine($"{added.Count} registrations fitted; then: {last.Err?.Trim()}");
        AssertDiskFull(last.Code, last.Err ?? "", db);
        Assert.Contains("Nothing of this change was saved", last.Err ?? "");

        disk.FreeAll();
        var verify = await EngineProcess.RunAsync(h.Env, Args("audit", "verify"));
        Assert.True(verify.Code == 0, verify.Err);
        using (var store = LiteRecordStore.OpenReadOnly(db, TrialFixture.Key))
        {
            Assert.Equal(added, store.Read(r => r.All<Participant>()).Select(p => p.Id));
            Assert.Equal(added.Count, store.Read(r => r.AuditEntries().Count(e => e.Action == "participant-add")));
        }
        var next = await EngineProcess.RunAsync(h.Env, Args("participant", "add", "--site", "mch", "--initials", "FD", "--birth-year", "1961", "--sex", "male"));
        Assert.True(next.Code == 0, next.Err);
    }

    [RootFact]
    public async Task A_demo_that_meets_a_full_disk_exits_2_and_the_database_verifies_once_there_is_space()
    {
        using var h = CliHarness.ForSeedProtocol();
        using var disk = new SmallDisk(8 * 1024);
        var db = disk.File("demo.db");
        string[] Args(params string[] args) => [.. args, "--protocol", h.ProtocolPath, "--db", db];
        var init = await EngineProcess.RunAsync(h.Env, Args("init"));
        Assert.True(init.Code == 0, init.Err);
        long before;
        using (var store = LiteRecordStore.OpenReadOnly(db, TrialFixture.Key))
            before = store.Read(r => r.AuditEntries().Count);

        disk.FillLeaving(600 * 1024);
        var demo = await EngineProcess.RunAsync(h.Env, Args("demo", "--participants", "60", "--seed", "3"));
        output.WriteLine(demo.Err.Trim());
        AssertDiskFull(demo.Code, demo.Err, db);

        disk.FreeAll();
        var verify = await EngineProcess.RunAsync(h.Env, Args("audit", "verify", "--format", "json"));
        Assert.True(verify.Code == 0, verify.Err);
        using (var store = LiteRecordStore.OpenReadOnly(db, TrialFixture.Key))
        {
            // Every simulated day is one transaction: the days before the full disk are there whole, the records match the trail.
            Assert.Empty(store.Read(AuditVerifier.Verify));
            var entries = store.Read(r => r.AuditEntries().Count);
            output.WriteLine($"{entries - before} audit entries of the demo's days committed before the disk was full; {store.Read(r => r.Count<Participant>())} participants");
        }
        var list = await EngineProcess.RunAsync(h.Env, Args("participant", "list"));
        Assert.True(list.Code == 0, list.Err);
    }
}
