namespace ProtocolEngine.Tests.Storage.Conformance;

/// <summary>Atomic transactions: a write is all there or not there at all, and belongs to its thread and its call.</summary>
public abstract partial class RecordStoreConformance
{
    private (IReadOnlyList<SampleRecord> Samples, IReadOnlyList<SampleNote> Notes, int Audit, string? Kept, string? Added) Everything() =>
        Store.Read(r => (r.All<SampleRecord>(), r.All<SampleNote>(), r.AuditEntries().Count, r.GetMeta("kept"), r.GetMeta("added")));

    [Fact]
    public void A_write_that_throws_leaves_no_record_audit_entry_meta_or_claim_behind()
    {
        Store.Write(w =>
        {
            w.Insert(Sample("kept"));
            w.AppendAudit(Entry(1));
            w.SetMeta("kept", "before");
            return 0;
        });

        Assert.Throws<WriteAborted>(() => Store.Write<int>(w =>
        {
            w.Insert(Sample("new"));
            w.Replace(Sample("kept") with { Text = "changed" });
            w.Insert(new SampleNote("note", null, "a note"));
            w.AppendAudit(Entry(2));
            w.SetMeta("kept", "after");
            w.SetMeta("added", "value");
            w.Claim("claimed-in-failed-write");
            throw new WriteAborted();
        }));

        for (var pass = 0; pass < 2; pass++)
        {
            var (samples, notes, audit, kept, added) = Everything();
            AssertSame([Sample("kept")], samples);
            Assert.Empty(notes);
            Assert.Equal(1, audit);
            Assert.Equal("before", kept);
            Assert.Null(added);
            Assert.False(IsClaimed("claimed-in-failed-write"));
            ReopenStore();
        }
    }

    [Fact]
    public void After_a_failed_write_lookups_by_id_participant_and_key_see_the_committed_state()
    {
        // A store may keep what it decoded between transactions; a failed write must leave nothing of itself there.
        Store.Write(w =>
        {
            w.Insert(Sample("P1-a", "P1"));
            w.Insert(Sample("odd-id", "P1"));
            w.SetMeta("kept", "before");
            return 0;
        });
        Assert.Equal("P1-a", Store.Read(r => r.Find<SampleRecord>("P1-a"))!.Id); // read once, so a cache holds it

        Assert.Throws<WriteAborted>(() => Store.Write<int>(w =>
        {
            w.Replace(Sample("P1-a", "P1") with { Text = "changed" });
            w.Replace(Sample("odd-id", "P2"));
            w.Insert(Sample("P1-b", "P1"));
            w.Insert(Sample("P9-x", "P9"));
            w.SetMeta("kept", "after");
            Assert.Equal("changed", w.Find<SampleRecord>("P1-a")!.Text);
            throw new WriteAborted();
        }));

        Assert.Equal(Sample("P1-a", "P1").Text, Store.Read(r => r.Find<SampleRecord>("P1-a"))!.Text);
        Assert.Equal("P1", Store.Read(r => r.Find<SampleRecord>("odd-id"))!.ParticipantId);
        Assert.Null(Store.Read(r => r.Find<SampleRecord>("P1-b")));
        Assert.Null(Store.Read(r => r.Find<SampleRecord>("P9-x")));
        Assert.Equal(["P1-a", "odd-id"], Store.Read(r => r.ForParticipant<SampleRecord>("P1")).Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.Empty(Store.Read(r => r.ForParticipant<SampleRecord>("P2")));
        Assert.Equal("before", Store.Read(r => r.GetMeta("kept")));
        // And the next write builds on the committed state, not on the failed one.
        Store.Write(w => { w.Insert(Sample("P1-b", "P1")); return 0; });
        Assert.Equal(["P1-a", "P1-b", "odd-id"], Store.Read(r => r.ForParticipant<SampleRecord>("P1")).Select(s => s.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_write_that_returns_commits_all_of_it_and_returns_its_result()
    {
        var result = Store.Write(w =>
        {
            w.Insert(Sample("a"));
            w.Insert(new SampleNote("n", null, "note"));
            w.AppendAudit(Entry(1));
            w.SetMeta("added", "value");
            w.Claim("claimed");
            return "done";
        });

        Assert.Equal("done", result);
        ReopenStore();
        var (samples, notes, audit, _, added) = Everything();
        AssertSame([Sample("a")], samples);
        Assert.Single(notes);
        Assert.Equal(1, audit);
        Assert.Equal("value", added);
        Assert.True(IsClaimed("claimed"));
    }

    [Fact]
    public void A_write_that_does_nothing_commits()
    {
        Assert.Equal(7, Store.Write(_ => 7));
        Save(Sample("a"));
        Assert.Single(Store.Read(r => r.All<SampleRecord>()));
    }

    [Fact]
    public void A_refused_call_changes_nothing_and_the_write_goes_on()
    {
        Store.Write(w =>
        {
            w.Insert(Sample("taken"));
            w.AppendAudit(Entry(1));
            w.Claim("taken-key");
            return 0;
        });

        Store.Write(w =>
        {
            w.Insert(Sample("before-refusals"));
            Assert.Throws<UniqueKeyConflictException>(() => w.Claim("taken-key"));
            Assert.Throws<UniqueKeyConflictException>(() => w.Insert(Sample("taken") with { Text = "again" }));
            Assert.Throws<UniqueKeyConflictException>(() => w.AppendAudit(Entry(1, "again")));
            Assert.Throws<InvalidOperationException>(() => w.Replace(Sample("missing")));
            Assert.Equal(2, w.All<SampleRecord>().Count);
            w.Insert(Sample("after-refusals"));
            w.Claim("new-key");
            return 0;
        });

        ReopenStore();
        Assert.Equal(["after-refusals", "before-refusals", "taken"], Store.Read(r => r.All<SampleRecord>()).Select(s => s.Id));
        AssertSame(Sample("taken"), Store.Read(r => r.Find<SampleRecord>("taken")));
        Assert.Equal("test", Store.Read(r => r.AuditEntries()).Single().Action);
        Assert.True(IsClaimed("new-key"));
    }

    [Fact]
    public void A_write_inside_a_write_on_the_same_thread_is_refused_and_the_outer_write_goes_on()
    {
        Store.Write(w =>
        {
            w.Insert(Sample("outer"));
            Assert.Throws<InvalidOperationException>(() => Store.Write(inner => { inner.Insert(Sample("inner")); return 0; }));
            w.Insert(Sample("outer-2"));
            return 0;
        });

        Assert.Equal(["outer", "outer-2"], Store.Read(r => r.All<SampleRecord>()).Select(s => s.Id));
    }

    [Fact]
    public void A_read_inside_a_write_on_the_same_thread_reads_through_the_write()
    {
        Save(Sample("committed"));
        Store.Write(w =>
        {
            w.Insert(Sample("own"));
            w.SetMeta("own", "yes");
            var (ids, meta) = Store.Read(r => (r.All<SampleRecord>().Select(s => s.Id).ToList(), r.GetMeta("own")));
            Assert.Equal(["committed", "own"], ids);
            Assert.Equal("yes", meta);
            return 0;
        });
    }

    [Fact]
    public void A_writer_writes_no_more_once_its_write_has_returned_or_failed()
    {
        IRecordWriter? kept = null;
        Store.Write(w => { kept = w; return 0; });
        Assert.Throws<InvalidOperationException>(() => kept!.Insert(Sample("late")));
        Assert.Throws<InvalidOperationException>(() => kept!.SetMeta("late", "x"));
        Assert.Throws<InvalidOperationException>(() => kept!.Claim("late"));

        Assert.Throws<WriteAborted>(() => Store.Write<int>(w => { kept = w; throw new WriteAborted(); }));
        Assert.Throws<InvalidOperationException>(() => kept!.Insert(Sample("late")));
        Assert.Throws<InvalidOperationException>(() => kept!.AppendAudit(Entry(1)));

        Assert.Empty(Store.Read(r => r.All<SampleRecord>()));
        Assert.Empty(Store.Read(r => r.AuditEntries()));
        Assert.Null(Store.Read(r => r.GetMeta("late")));
        Assert.False(IsClaimed("late"));
    }

    [Fact]
    public void A_writer_refuses_writes_from_another_thread()
    {
        Store.Write(w =>
        {
            Exception? refused = null;
            var other = new Thread(() => refused = Record.Exception(() => w.Insert(Sample("from-another-thread"))));
            other.Start();
            other.Join();
            Assert.IsType<InvalidOperationException>(refused);
            w.Insert(Sample("own-thread"));
            return 0;
        });

        Assert.Equal(["own-thread"], Store.Read(r => r.All<SampleRecord>()).Select(s => s.Id));
    }

    [Fact]
    public void A_disposed_store_refuses_reads_and_writes()
    {
        Save(Sample("a"));
        Store.Dispose();
        Assert.Throws<ObjectDisposedException>(() => Store.Read(r => r.All<SampleRecord>()));
        Assert.Throws<ObjectDisposedException>(() => Store.Write(w => { w.Insert(Sample("b")); return 0; }));
    }
}
