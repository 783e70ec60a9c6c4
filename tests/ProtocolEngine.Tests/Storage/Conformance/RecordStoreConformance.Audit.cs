using ProtocolEngine.Engine.Audit;
using ProtocolEngine.Engine.Participants;

namespace ProtocolEngine.Tests.Storage.Conformance;

/// <summary>
/// The audit chain through <see cref="AuditedWriter"/>, and what <see cref="AuditVerifier"/> finds when
/// the content is changed through the writer interface directly, bypassing the audited writer: the
/// store must give back what was written, in order, for the verifier to see it.
/// </summary>
public abstract partial class RecordStoreConformance
{
    /// <summary>Four audited changes in three writes: a participant created, changed with a reason, a note, a second participant.</summary>
    private void AuditedHistory()
    {
        Store.Write(w => Audited(w).Create(Person("mch-001"), "participant-add"));
        Store.Write(w =>
        {
            var a = Audited(w, "investigator");
            a.Change(w.Find<Participant>("mch-001")!, Person("mch-001", "CD"), "initials", "typo in the initials");
            a.Note("amendment-accept", "meta", "protocol.current", "old", "new", "amendment 2");
            return 0;
        });
        Clock.Now = Clock.Now.AddDays(1);
        Store.Write(w => Audited(w).Create(Person("mch-002"), "participant-add"));
    }

    private AuditHead Head() => AuditHead.Parse(Store.Read(r => r.GetMeta(AuditHead.MetaKey)));

    /// <summary>The entry an audited writer would append next, hashed.</summary>
    private AuditEntry NextEntry(long? sequence = null, string user = "coordinator")
    {
        var head = Head();
        var entry = new AuditEntry
        {
            Sequence = sequence ?? head.Sequence + 1, TimestampUtc = Clock.GetUtcNow(), User = user, Action = "participant-add",
            Collection = Participant.Collection, RecordId = "mch-009", ParticipantId = "mch-009", NewValue = "{}", ProtocolHash = "protocol-hash", PreviousHash = head.Hash,
        };
        return entry with { Hash = AuditHasher.Compute(entry) };
    }

    private IReadOnlyList<AuditProblem> Verify() => Store.Read(AuditVerifier.Verify);

    [Fact]
    public void Audited_writes_chain_their_hashes_and_the_trail_verifies()
    {
        AuditedHistory();

        for (var pass = 0; pass < 2; pass++)
        {
            var entries = Store.Read(r => r.AuditEntries());
            Assert.Equal([1L, 2, 3, 4], entries.Select(e => e.Sequence));
            Assert.Equal(["participant-add", "initials", "amendment-accept", "participant-add"], entries.Select(e => e.Action));
            Assert.Equal([AuditHasher.Genesis, .. entries.SkipLast(1).Select(e => e.Hash)], entries.Select(e => e.PreviousHash));
            Assert.All(entries, e => Assert.Equal(AuditHasher.Compute(e), e.Hash));
            Assert.Equal(new AuditHead(4, entries[^1].Hash), Head());
            Assert.Equal("typo in the initials", entries[1].Reason);
            Assert.Equal(Clock.GetUtcNow(), entries[3].TimestampUtc);
            Assert.Empty(Verify());
            ReopenStore();
        }
    }

    [Fact]
    public void An_audited_write_that_fails_leaves_the_chain_where_it_was()
    {
        AuditedHistory();
        var head = Head();

        Assert.Throws<WriteAborted>(() => Store.Write<int>(w =>
        {
            Audited(w).Create(Person("mch-003"), "participant-add");
            throw new WriteAborted();
        }));
        Assert.Equal(head, Head());
        Store.Write(w => Audited(w).Create(Person("mch-004"), "participant-add"));

        var last = Store.Read(r => r.AuditEntries())[^1];
        Assert.Equal((head.Sequence + 1, head.Hash, "mch-004"), (last.Sequence, last.PreviousHash, last.RecordId));
        Assert.Null(Store.Read(r => r.Find<Participant>("mch-003")));
        Assert.Empty(Verify());
    }

    [Fact]
    public void An_entry_whose_content_was_edited_after_hashing_is_found()
    {
        AuditedHistory();
        var forged = NextEntry() with { User = "mallory" };
        Store.Write(w =>
        {
            w.AppendAudit(forged);
            w.SetMeta(AuditHead.MetaKey, new AuditHead(forged.Sequence, forged.Hash).Format());
            return 0;
        });

        Assert.Contains(Verify(), p => p.Sequence == forged.Sequence && p.Message.Contains("altered"));
    }

    [Fact]
    public void A_removed_entry_is_found_also_at_the_end_of_the_trail()
    {
        AuditedHistory();
        var afterGap = NextEntry(sequence: Head().Sequence + 2);
        Store.Write(w =>
        {
            w.AppendAudit(afterGap);
            w.SetMeta(AuditHead.MetaKey, new AuditHead(afterGap.Sequence, afterGap.Hash).Format());
            return 0;
        });
        Assert.Contains(Verify(), p => p.Sequence == afterGap.Sequence && p.Message.Contains("inserted or removed"));

        Store.Write(w => { w.SetMeta(AuditHead.MetaKey, new AuditHead(afterGap.Sequence + 1, afterGap.Hash).Format()); return 0; });
        Assert.Contains(Verify(), p => p.Message.Contains("recorded entry"));
    }

    [Fact]
    public void Records_changed_or_added_without_an_audit_entry_are_found()
    {
        AuditedHistory();
        Store.Write(w =>
        {
            w.Replace(w.Find<Participant>("mch-001")! with { Initials = "XY" });
            w.Insert(Person("mch-099"));
            return 0;
        });

        var problems = Verify();
        Assert.Contains(problems, p => p.Message.Contains("'mch-001' differs from its last audited value"));
        Assert.Contains(problems, p => p.Message.Contains("'mch-099' has no audit entry"));
    }

    [Fact]
    public void An_appended_entry_is_never_overwritten()
    {
        AuditedHistory();
        var original = Store.Read(r => r.AuditEntries())[1];

        var refused = Assert.Throws<UniqueKeyConflictException>(() => Store.Write(w => { w.AppendAudit(NextEntry(sequence: 2, user: "mallory")); return 0; }));

        Assert.Equal("audit/2", refused.Key);
        Assert.Equal(RecordJson.Serialize(original), RecordJson.Serialize(Store.Read(r => r.AuditEntries())[1]));
        Assert.Empty(Verify());
    }
}
