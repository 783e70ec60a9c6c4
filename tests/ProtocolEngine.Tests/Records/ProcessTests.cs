using System.Diagnostics;
using System.Text.Json;
using ProtocolEngine.Engine.Audit;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Tests.Records.Support;
using Xunit.Abstractions;

namespace ProtocolEngine.Tests.Records;

/// <summary>Real processes randomizing at once, and processes killed with SIGKILL during randomization.</summary>
public class ProcessTests(ITestOutputHelper output)
{
    private static (TrialFixture Trial, string ProtocolPath, Dictionary<string, string> Env) Prepare(int participants)
    {
        var t = new TrialFixture();
        for (var i = 0; i < participants; i++) t.Enrol(randomize: false);
        t.Close();
        var protocolPath = Path.Combine(t.Dir, "protocol.json");
        File.WriteAllText(protocolPath, JsonSerializer.Serialize(t.Protocol, RecordJson.Options));
        var env = new Dictionary<string, string>
        {
            ["PROTOCOL_ENGINE_DB_KEY"] = TrialFixture.Key, ["PROTOCOL_ENGINE_USER"] = "coordinator", ["PROTOCOL_ENGINE_PASSWORD"] = TrialFixture.Password,
        };
        // Compile the rules into the cache once, so the racing processes below race on the database, not on Roslyn.
        var warm = EngineProcess.RunAsync(env, "validate", protocolPath).GetAwaiter().GetResult();
        Assert.True(warm.Code == 0, warm.Err);
        return (t, protocolPath, env);
    }

    private static string[] Randomize(TrialFixture t, string protocol, string participant) =>
        ["randomize", "--participant", participant, "--protocol", protocol, "--db", t.DbPath, "--format", "json"];

    [Fact]
    public async Task Concurrent_processes_never_share_a_list_position_or_randomize_a_participant_twice()
    {
        const int n = 10;
        var (t, protocol, env) = Prepare(n);
        using var _ = t;
        var ids = Enumerable.Range(1, n).Select(i => $"mch-{i:000}").ToList();
        var sw = Stopwatch.StartNew();
        var runs = await Task.WhenAll(ids.Concat(ids).Select(id => EngineProcess.RunAsync(env, Randomize(t, protocol, id))));
        output.WriteLine($"{runs.Length} processes in {sw.ElapsedMilliseconds} ms");
        Assert.True(n == runs.Count(r => r.Code == 0), string.Join("\n", runs.Select(r => $"{r.Code}: {r.Err}").Distinct()));
        Assert.All(runs.Where(r => r.Code != 0), r => { Assert.Equal(2, r.Code); Assert.Contains("already randomized", r.Err); });
        t.Reopen();
        var list = t.Store.Read(r => r.All<RandomizationRecord>());
        Assert.Equal(ids.Order(), list.Select(r => r.ParticipantId).Order());
        Assert.Equal(Enumerable.Range(1, n), list.Select(r => r.ListPosition).Order());
        Assert.Empty(t.Store.Read(AuditVerifier.Verify));
        Assert.Equal(n, t.Store.Read(r => r.AuditEntries().Count(e => e.Action == "randomize")));
    }

    [Fact]
    public async Task A_process_killed_during_randomization_leaves_the_whole_allocation_or_nothing()
    {
        const int kills = 14;
        var (t, protocol, env) = Prepare(kills + 1);
        using var _ = t;
        var sw = Stopwatch.StartNew();
        var first = await EngineProcess.RunAsync(env, Randomize(t, protocol, "mch-001"));
        var full = sw.Elapsed.TotalMilliseconds;
        Assert.Equal(0, first.Code);
        var random = new Random(20261127);
        int committed = 0, nothing = 0, finishedBeforeKill = 0;
        // The delay walks towards the moment of commit: later after a kill that left nothing, earlier after one that left the allocation.
        var delay = full * 0.6;
        for (var i = 2; i <= kills + 1; i++)
        {
            var id = $"mch-{i:000}";
            using (var p = EngineProcess.Start(env, Randomize(t, protocol, id)))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(1, delay + full * 0.05 * (random.NextDouble() - 0.5))));
                if (p.HasExited) finishedBeforeKill++;
                p.Kill(entireProcessTree: true);
                await p.WaitForExitAsync();
            }
            t.Reopen();
            var (rand, status, audit, problems) = t.Store.Read(r => (
                r.ForParticipant<RandomizationRecord>(id).SingleOrDefault(), r.Find<Participant>(id)!.Status,
                r.AuditEntries().Where(e => e.ParticipantId == id && e.Action is "randomize" or "status").ToList(), AuditVerifier.Verify(r)));
            Assert.Empty(problems);
            if (rand is null)
            {
                nothing++;
                delay += full * 0.08;
                Assert.Equal(ParticipantStatus.Eligible, status);
                Assert.DoesNotContain(audit, e => e.Action == "randomize" || (e.NewValue ?? "").Contains("\"randomized\""));
            }
            else
            {
                committed++;
                delay -= full * 0.08;
                Assert.Equal(ParticipantStatus.Randomized, status);
                Assert.Single(audit, e => e.Action == "randomize");
                Assert.Single(audit, e => e.Action == "status" && (e.NewValue ?? "").Contains("\"randomized\""));
            }
            t.Close();
        }
        output.WriteLine($"full run {full:0} ms; after SIGKILL: {committed} whole allocations ({finishedBeforeKill} had exited before the kill), {nothing} with nothing written");
        t.Reopen();
        var s = t.As("coordinator");
        foreach (var p in t.Store.Read(r => r.All<Participant>()).Where(p => p.Status == ParticipantStatus.Eligible))
            new RandomizationService(s, new AlternatingAllocator()).Randomize(p.Id);
        var list = t.Store.Read(r => r.All<RandomizationRecord>());
        Assert.Equal(Enumerable.Range(1, kills + 1), list.Select(r => r.ListPosition).Order());
        Assert.Empty(t.Store.Read(AuditVerifier.Verify));
    }
}
