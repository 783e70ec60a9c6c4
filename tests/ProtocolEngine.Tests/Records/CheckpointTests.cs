using System.Text.Json;
using LiteDB;
using ProtocolEngine.Engine.Audit;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Tests.Records.Support;
using ProtocolEngine.Tests.Storage;

namespace ProtocolEngine.Tests.Records;

/// <summary>
/// Issue 11, point 3: `audit checkpoint` exports a signed head that a monitor keeps outside the database, and
/// `audit verify --checkpoint FILE` proves the history up to it unchanged; it catches what signatures alone cannot
/// (a history re-created from scratch under a new administrator, a tail cut off and written again).
/// </summary>
public class CheckpointTests
{
    private static readonly string[] Add = ["participant", "add", "--site", "mch", "--initials", "AB", "--birth-year", "1961", "--sex", "female", "--consent-date", "2026-09-07"];

    private static CliHarness Trial()
    {
        var h = new CliHarness();
        h.Ok("init");
        h.Ok(Add);
        h.Ok(Add);
        return h;
    }

    [Fact]
    public void A_checkpoint_proves_the_history_up_to_it_and_stays_valid_as_the_trial_goes_on()
    {
        using var h = Trial();
        var file = Path.Combine(h.Dir, "checkpoint.json");
        Assert.Contains("signed by 'admin' written to", h.Ok("audit", "checkpoint", "--out", file));
        var checkpoint = JsonDocument.Parse(File.ReadAllText(file)).RootElement;
        var entries = JsonDocument.Parse(h.Ok("audit", "verify", "--format", "json")).RootElement.GetProperty("entries").GetInt64();
        Assert.Equal(entries, checkpoint.GetProperty("sequence").GetInt64());
        Assert.Equal("admin", checkpoint.GetProperty("signer").GetString());
        Assert.Equal(32, checkpoint.GetProperty("administrator_key").GetString()!.Length);

        Assert.Contains($"The history up to entry {entries} is the one the checkpoint", h.Ok("audit", "verify", "--checkpoint", file));
        h.Ok(Add);
        Assert.Contains($"The history up to entry {entries} is the one the checkpoint", h.Ok("audit", "verify", "--checkpoint", file));
        // Without --out it goes to standard output, the same JSON.
        Assert.Equal(entries + 2, JsonDocument.Parse(h.Ok("audit", "checkpoint")).RootElement.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public void A_history_recreated_from_scratch_under_a_new_administrator_verifies_alone_but_fails_the_checkpoint()
    {
        using var h = Trial();
        var file = Path.Combine(h.Dir, "checkpoint.json");
        h.Ok("audit", "checkpoint", "--out", file);
        var sequence = JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("sequence").GetInt64();

        // The attacker (database key, no password) throws the file away and makes it again, entry for entry, with an
        // administrator of their own: every hash and signature in it is valid.
        File.Delete(h.DbPath);
        h.Ok("init");
        h.Ok(Add);
        h.Ok(Add);
        Assert.Contains("Audit trail intact", h.Ok("audit", "verify"));

        var (code, report, _) = h.Run("audit", "verify", "--checkpoint", file);
        Assert.Equal(2, code);
        Assert.Contains("Audit trail NOT intact", report);
        Assert.Contains("the database was re-created from scratch under another administrator", report);
        Assert.Contains($"Entry {sequence} has another hash than at the checkpoint", report);
    }

    [Fact]
    public void A_cut_off_tail_written_again_passes_the_signatures_but_fails_the_checkpoint()
    {
        using var t = new TrialFixture();
        t.Enrol(randomize: false);
        var beforeRandomization = t.Store.Read(r => r.AuditEntries().Count);
        new RandomizationService(t.As("coordinator"), new AlternatingAllocator()).Randomize("mch-001");
        var checkpoint = new AuditService(t.As("monitor")).Checkpoint();
        var arm = t.Store.Read(r => r.Find<RandomizationRecord>("mch-001-R"))!.ArmId;

        t.Close();
        using (var db = new LiteDatabase(new ConnectionString { Filename = t.DbPath, Password = TrialFixture.Key }))
        {
            // The last transaction (the randomization) cut off the trail, its records and claims undone.
            LiteTamper.Rechain(db, entries => entries.Take(beforeRandomization));
            LiteTamper.RewriteRecords(db, "participants", json => json.Replace("\"status\":\"randomized\"", "\"status\":\"eligible\""));
            LiteTamper.RemoveRecord(db, "randomizations", "mch-001-R");
            LiteTamper.RemoveClaims(db, "randomization:");
            LiteTamper.SetMeta(db, "count:randomized:all", "0");
        }
        t.Reopen();
        var again = new RandomizationService(t.As("coordinator"), new Fixed(arm == "local" ? "whole" : "local")).Randomize("mch-001");
        Assert.NotEqual(arm, again.ArmId);

        // What signatures cannot see: the history is a valid one, just not the one that was.
        Assert.Empty(t.Store.Read(r => AuditVerifier.Check(r).Problems));
        var problems = t.Store.Read(r => AuditVerifier.Check(r, checkpoint)).Problems;
        var problem = Assert.Single(problems);
        Assert.Equal(checkpoint.Sequence, problem.Sequence);
        Assert.StartsWith($"Entry {checkpoint.Sequence} has another hash than at the checkpoint", problem.Message);
    }

    [Fact]
    public void A_changed_checkpoint_file_is_found_and_a_file_that_is_not_one_is_refused_by_name()
    {
        using var h = Trial();
        var file = Path.Combine(h.Dir, "checkpoint.json");
        h.Ok("audit", "checkpoint", "--out", file);
        var text = File.ReadAllText(file);
        var sequence = JsonDocument.Parse(text).RootElement.GetProperty("sequence").GetInt64();
        File.WriteAllText(file, text.Replace($"\"sequence\":{sequence}", $"\"sequence\":{sequence - 1}"));
        var (code, report, _) = h.Run("audit", "verify", "--checkpoint", file);
        Assert.Equal(2, code);
        Assert.Contains("The checkpoint's signature does not match its content: the file was changed after 'admin' signed it.", report);

        var notOne = Path.Combine(h.Dir, "notes.txt");
        File.WriteAllText(notOne, "hello");
        Assert.Contains($"{notOne}: not an audit checkpoint", h.Refused("audit", "verify", "--checkpoint", notOne));
        File.WriteAllText(notOne, "{\"format\":\"something-else\"}");
        Assert.Contains("make one with `protocol-engine audit checkpoint --out FILE`", h.Refused("audit", "verify", "--checkpoint", notOne));
        Assert.Contains("--checkpoint: no file at", h.Refused("audit", "verify", "--checkpoint", Path.Combine(h.Dir, "missing.json")));
        Assert.Contains("--out: cannot write", h.Refused("audit", "checkpoint", "--out", Path.Combine(h.Dir, "no-such-folder", "cp.json")));
    }

    [Fact]
    public void A_trail_that_is_not_intact_gets_no_checkpoint()
    {
        using var t = new TrialFixture();
        t.Enrol();
        t.Close();
        using (var db = new LiteDatabase(new ConnectionString { Filename = t.DbPath, Password = TrialFixture.Key }))
            LiteTamper.SetMeta(db, "randomization.sealed", "tampered");
        t.Reopen();
        var error = Assert.Throws<ProtocolEngine.Engine.Trial.RecordRejectedException>(() => new AuditService(t.As("monitor")).Checkpoint());
        Assert.Contains("a checkpoint vouches only for an intact history", error.Message);
    }

    private sealed class Fixed(string arm) : IAllocator
    {
        public AllocatedArm Allocate(ProtocolEngine.Contracts.Plugins.AllocationRequest request) => new(arm, "fixed");
    }
}
