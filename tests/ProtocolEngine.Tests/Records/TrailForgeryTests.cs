using LiteDB;
using ProtocolEngine.Engine.Audit;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Engine.Safety;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Tests.Records.Support;
using ProtocolEngine.Tests.Storage;

namespace ProtocolEngine.Tests.Records;

/// <summary>
/// Issue 11, point 3: what someone with the database key but no user's password does to the file (opened directly
/// with LiteDB, as an attacker would), and that `audit verify` fails on each with a message that names what and where.
/// </summary>
public class TrailForgeryTests
{
    private static TrialFixture Trial()
    {
        var t = new TrialFixture();
        t.Enrol();
        new AdverseEventService(t.As("investigator"), ProtocolEngine.Engine.Reference.CtcaeCatalog.Default)
            .Add("mch-001", new AdverseEventInput { Term = "Back pain", Grade = 1, Onset = t.Today, Relation = Relatedness.Possible });
        t.Enrol();
        return t;
    }

    private static void Attack(TrialFixture t, Action<LiteDatabase> change)
    {
        t.Close();
        using (var db = new LiteDatabase(new ConnectionString { Filename = t.DbPath, Password = TrialFixture.Key }))
            change(db);
        t.Reopen();
    }

    private static IReadOnlyList<AuditProblem> Verify(TrialFixture t) => t.Store.Read(r => AuditVerifier.Check(r).Problems);

    private static string Problems(IEnumerable<AuditProblem> problems) => string.Join("\n", problems.Select(p => $"{p.Sequence}: {p.Message}"));

    [Fact]
    public void An_untouched_trial_is_intact_and_each_users_transactions_are_signed_by_that_user()
    {
        using var t = Trial();
        Assert.Empty(Verify(t));
        var entries = t.Store.Read(r => r.AuditEntries());
        var signatures = entries.Where(AuditSignature.Is).ToList();
        Assert.Equal(["admin", "coordinator", "investigator"], signatures.Select(s => s.User).Distinct().Order());
        // Every transaction ends in a signature: the last entry is one, and no user's entry is left unsigned.
        Assert.True(AuditSignature.Is(entries[^1]));
        var report = t.Store.Read(AuditVerifier.Check);
        var admin = t.Store.Read(r => r.Find<UserAccount>("admin"))!;
        Assert.Equal(UserKeys.Fingerprint(admin.SigningKey!), report.AdministratorKey);
    }

    [Fact]
    public void A_forged_entry_with_a_recomputed_hash_chain_fails_on_the_signatures_after_it()
    {
        using var t = Trial();
        var before = t.Store.Read(r => r.AuditEntries());
        var randomize = before.First(e => e.Action == "randomize");
        var arm = t.Store.Read(r => r.Find<RandomizationRecord>("mch-001-R"))!.ArmId;
        var other = t.Protocol.Arms.First(a => a.Id != arm).Id;
        Attack(t, db =>
        {
            LiteTamper.RewriteRecords(db, "randomizations", json => json.Replace($"\"arm_id\":\"{arm}\"", $"\"arm_id\":\"{other}\""));
            LiteTamper.Rechain(db, entries => entries.Select(e => e.Sequence == randomize.Sequence ? e with { NewValue = e.NewValue!.Replace($"\"arm_id\":\"{arm}\"", $"\"arm_id\":\"{other}\"") } : e));
        });
        var problems = Verify(t);
        // The hashes, the head and the records all agree: only the signatures tell.
        Assert.DoesNotContain(problems, p => p.Message.Contains("altered") || p.Message.Contains("outside the trail") || p.Message.Contains("link"));
        var firstBroken = before.First(e => AuditSignature.Is(e) && e.Sequence > randomize.Sequence);
        Assert.Contains(problems, p => p.Sequence == firstBroken.Sequence
            && p.Message == $"Entry {firstBroken.Sequence}: the signature of 'coordinator' does not match the trail before it (or is not that user's): "
                + "entries up to it were changed, added or removed after they were signed.");
    }

    [Fact]
    public void An_entry_added_at_the_end_with_a_valid_hash_is_signed_by_no_one()
    {
        using var t = Trial();
        var last = t.Store.Read(r => r.AuditEntries()[^1]);
        Attack(t, db => LiteTamper.Rechain(db, entries => entries.Append(entries.First(e => e.Action == "ae-add") with { RecordId = "mch-001-AE9" })));
        Assert.Contains(Verify(t), p => p.Sequence == last.Sequence + 1 && p.Message.StartsWith($"Entries {last.Sequence + 1} at the end of the trail (written as 'investigator') carry no signature"));
    }

    [Fact]
    public void An_entry_signed_with_a_key_of_the_attackers_own_is_refused()
    {
        using var t = Trial();
        Attack(t, db => LiteTamper.Rechain(db, entries =>
        {
            var forged = entries.First(e => e.Action == "ae-add") with { RecordId = "mch-001-AE9" };
            var signature = Convert.ToBase64String(UserKeys.Generate("investigator").Sign("anything"u8));
            return entries.Append(forged).Append(new AuditEntry { Action = "sign", Collection = "audit", User = "investigator", RecordId = "x", NewValue = signature });
        }));
        // The signature entry's value cannot be right without investigator's key; a forged one (any bytes) fails.
        var problems = Verify(t);
        var count = t.Store.Read(r => r.AuditEntries().Count);
        Assert.Contains(problems, p => p.Sequence == count && p.Message.Contains("the signature of 'investigator' does not match"));
        Assert.Contains(problems, p => p.Message.Contains("were written as 'investigator' but carry no valid signature of 'investigator'"));
    }

    [Fact]
    public void A_record_and_its_entries_deleted_and_the_chain_rebuilt_fail_verification()
    {
        using var t = Trial();
        Attack(t, db =>
        {
            LiteTamper.RemoveRecord(db, "adverse_events", "mch-001-AE1");
            LiteTamper.Rechain(db, entries => entries.Where(e => e.RecordId != "mch-001-AE1"));
        });
        var problems = Verify(t);
        Assert.DoesNotContain(problems, p => p.Message.Contains("outside the trail"));
        Assert.Contains(problems, p => p.Message.Contains("the signature of 'investigator' does not match the trail before it"));
    }

    [Fact]
    public void A_participant_reset_and_randomized_again_fails_verification()
    {
        using var t = Trial();
        var first = t.Store.Read(r => r.Find<RandomizationRecord>("mch-001-R"))!;
        Attack(t, db =>
        {
            // Back to eligible, the allocation and its claims gone, the trail rebuilt without them.
            LiteTamper.RewriteRecords(db, "participants", json => json.Contains("\"id\":\"mch-001\"") ? json.Replace("\"status\":\"randomized\"", "\"status\":\"eligible\"") : json);
            LiteTamper.RemoveRecord(db, "randomizations", "mch-001-R");
            LiteTamper.RemoveClaims(db, "randomization:participant:mch-001");
            LiteTamper.Rechain(db, entries => entries.Where(e => e.RecordId != "mch-001-R" && !(e.RecordId == "mch-001" && e.Action == "status")));
        });
        // The program takes the rebuilt file for real: the participant is randomized a second time.
        var again = new RandomizationService(t.As("coordinator"), new AlternatingAllocator()).Randomize("mch-001");
        Assert.Equal(first.ParticipantId, again.ParticipantId);
        var problems = Verify(t);
        Assert.Contains(problems, p => p.Message.Contains("the signature of 'coordinator' does not match the trail before it"));
        Assert.Contains(problems, p => p.Message.Contains("the signature of 'investigator' does not match the trail before it"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_swapped_password_hash_is_found_and_its_password_opens_no_keys(bool trailRewritten)
    {
        using var t = Trial();
        var saved = t.Store.Read(r => r.Find<UserAccount>("coordinator"))!;
        var mallory = PasswordHasher.Create("coordinator", Role.Coordinator, "mallory-knows-this", TrialFixture.FastIterations);
        var swapped = saved with { Salt = mallory.Salt, PasswordHash = mallory.PasswordHash, Iterations = mallory.Iterations };
        Attack(t, db =>
        {
            LiteTamper.RewriteRecords(db, "users", json => RecordJson.Deserialize<UserAccount>(json) is { Id: "coordinator" } ? RecordJson.Serialize(swapped) : json);
            if (trailRewritten)
                LiteTamper.Rechain(db, entries => entries.Select(e => e.Collection == "users" && e.RecordId == "coordinator"
                    ? e with { NewValue = e.NewValue!.Replace(PasswordHasher.CredentialDigest(saved), PasswordHasher.CredentialDigest(swapped)) } : e));
        });
        var problems = Verify(t);
        if (trailRewritten)
            Assert.Contains(problems, p => p.Message.Contains("the signature of 'admin' does not match the trail before it"));
        else
            Assert.Contains(problems, p => p.Message == "users record 'coordinator' differs from its last audited value: it was changed outside the trail "
                + "(its role, state, keys, or password hash and salt).");
        // The attacker's password passes the check but cannot open the user's keys: the program refuses it.
        var refused = Assert.Throws<AuthenticationException>(() => TrialDatabase.Open(t.Store, t.Protocol, "coordinator", "mallory-knows-this", t.Clock, upgradeHash: false));
        Assert.Contains("The keys of 'coordinator' do not open with its password", refused.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_changed_role_is_found(bool trailRewritten)
    {
        using var t = Trial();
        Attack(t, db =>
        {
            LiteTamper.RewriteRecords(db, "users", json => json.Contains("\"id\":\"monitor\"") ? json.Replace("\"role\":\"monitor\"", "\"role\":\"administrator\"") : json);
            if (trailRewritten)
                LiteTamper.Rechain(db, entries => entries.Select(e => e.Collection == "users" && e.RecordId == "monitor"
                    ? e with { NewValue = e.NewValue!.Replace("\"role\":\"monitor\"", "\"role\":\"administrator\"") } : e));
        });
        var problems = Verify(t);
        Assert.Contains(problems, p => trailRewritten
            ? p.Message.Contains("the signature of 'admin' does not match the trail before it")
            : p.Message.StartsWith("users record 'monitor' differs from its last audited value"));
    }

    [Theory]
    [InlineData("randomization.sealed", false)]
    [InlineData("randomization.sealed", true)]
    [InlineData("protocol.current", false)]
    public void A_changed_seed_or_setting_is_found(string key, bool trailRewritten)
    {
        using var t = Trial();
        var note = t.Store.Read(r => r.AuditEntries().Last(e => e.Collection == "meta" && e.RecordId == key));
        Attack(t, db =>
        {
            LiteTamper.SetMeta(db, key, "0123456789ABCDEF");
            if (trailRewritten)
                LiteTamper.Rechain(db, entries => entries.Select(e => e.Sequence == note.Sequence ? e with { NewValue = MetaSettings.Digest("0123456789ABCDEF") } : e));
        });
        var problems = Verify(t);
        if (trailRewritten)
            Assert.Contains(problems, p => p.Message.Contains("the signature of 'admin' does not match the trail before it"));
        else
            Assert.Contains(problems, p => p.Sequence == note.Sequence
                && p.Message == $"meta setting '{key}' differs from the value the trail set last at entry {note.Sequence}: it was changed outside the trail.");
    }

    [Fact]
    public void The_trail_keeps_a_digest_of_the_sealed_secret_never_the_secret()
    {
        using var t = Trial();
        var seed = t.Store.Read(r => r.GetMeta(SealedAllocation.MetaKey))!;
        var entries = t.Store.Read(r => r.AuditEntries());
        Assert.DoesNotContain(entries, e => (e.NewValue ?? "").Contains(seed) || (e.OldValue ?? "").Contains(seed));
        Assert.Contains(entries, e => e.RecordId == SealedAllocation.MetaKey && e.NewValue == MetaSettings.Digest(seed));
    }

    [Fact]
    public void A_user_added_by_someone_other_than_an_administrator_is_refused_even_if_signed()
    {
        // The coordinator signs correctly, but a users change is an administrator's: the trail's own rule.
        using var t = Trial();
        var coordinator = t.As("coordinator");
        coordinator.Store.Write(w =>
        {
            var audited = new AuditedWriter(w, "coordinator", coordinator.ProtocolHash, t.Clock);
            audited.Create(PasswordHasher.Create("eve", Role.Administrator, "eve-password", TrialFixture.FastIterations), "user-add");
            audited.Sign(coordinator.Keys!);
            return 0;
        });
        Assert.Contains(Verify(t), p => p.Message.EndsWith("'coordinator' changed users record 'eve' (role administrator), which only an administrator may do."));
    }
}
