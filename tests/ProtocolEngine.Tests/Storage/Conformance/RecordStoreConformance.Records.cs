namespace ProtocolEngine.Tests.Storage.Conformance;

/// <summary>Records, meta and audit entries come back exactly as saved, found by exact ids, in a defined order.</summary>
public abstract partial class RecordStoreConformance
{
    private static SampleRecord Rich(string id) => new()
    {
        Id = id, ParticipantId = "mch-001", Position = int.MaxValue, Text = "Ünïcödé \"quoted\", back\\slash,\nnew line, tab\t, emoji \U0001F600, <tag>",
        Amount = 79228162514264337593543950335m, Ratio = 0.1 + 0.2, Day = new DateOnly(2026, 2, 28),
        At = new DateTimeOffset(2026, 9, 7, 23, 59, 59, 999, TimeSpan.FromHours(5.5)).AddTicks(1234), Weekday = DayOfWeek.Saturday,
        Missing = null, Tags = ["b", "a", "", "a"], Counts = new() { ["zeta"] = 1, ["Alpha"] = -2, [""] = 0 },
    };

    [Fact]
    public void A_record_comes_back_exactly_as_it_was_saved()
    {
        var saved = Rich("rich");
        Save(saved);
        var json = RecordJson.Serialize(saved);

        for (var pass = 0; pass < 2; pass++)
        {
            var found = Store.Read(r => r.Find<SampleRecord>("rich"))!;
            Assert.Equal(json, RecordJson.Serialize(found));
            Assert.Equal(saved.At, found.At);
            Assert.Equal(saved.At.Offset, found.At.Offset);
            Assert.Equal(saved.Ratio, found.Ratio);
            Assert.Equal(saved.Tags, found.Tags);
            Assert.Equal(json, RecordJson.Serialize(Store.Read(r => r.All<SampleRecord>()).Single()));
            Assert.Equal(json, RecordJson.Serialize(Store.Read(r => r.ForParticipant<SampleRecord>("mch-001")).Single()));
            ReopenStore();
        }
    }

    [Fact]
    public void Changing_a_saved_or_a_returned_object_does_not_change_what_is_stored()
    {
        var saved = Sample("a") with { Tags = ["original"] };
        Store.Write(w =>
        {
            w.Insert(saved);
            saved.Tags.Add("after-insert");
            return 0;
        });
        saved.Tags.Add("after-commit");

        var first = Store.Read(r => r.Find<SampleRecord>("a"))!;
        Assert.Equal(["original"], first.Tags);
        first.Tags.Add("changed-by-reader");
        first.Counts["x"] = 1;
        var second = Store.Read(r => r.Find<SampleRecord>("a"))!;
        Assert.NotSame(first, second);
        Assert.Equal(["original"], second.Tags);
        Assert.Empty(second.Counts);
        Assert.Equal(["original"], Store.Read(r => r.All<SampleRecord>()).Single().Tags);
    }

    [Fact]
    public void Inserting_an_id_that_exists_is_refused_with_its_collection_and_id()
    {
        Save(Sample("a"));

        var later = Assert.Throws<UniqueKeyConflictException>(() => Save(Sample("a") with { Text = "again" }));
        Assert.Equal($"{SampleRecord.Collection}/a", later.Key);
        Assert.Throws<UniqueKeyConflictException>(() => Save(Sample("b"), Sample("b") with { Text = "twice in one write" }));

        AssertSame([Sample("a")], Store.Read(r => r.All<SampleRecord>()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_id_is_taken_whichever_participant_it_was_saved_under(bool reopen)
    {
        // Ids the services make start with the participant's id ("p1-f03"); the same id saved under another
        // participant, one whose id it also starts with, or under none, is still the same id.
        Save(Sample("p1-f03", "p1"), Sample("p2", "p2"), Sample("x9", "p3"), Sample("note-1"));
        if (reopen) ReopenStore();

        foreach (var (id, participant) in new[] { ("p1-f03", "p1-f03"), ("p1-f03", null), ("p1-f03", "p9"), ("p2", "p2-a"), ("p2", null), ("x9", "x9"), ("note-1", "note") })
        {
            var refused = Assert.Throws<UniqueKeyConflictException>(() => Save(Sample(id, participant) with { Text = "again" }));
            Assert.Contains($"{SampleRecord.Collection}/{id}", refused.Message);
        }
        Save(Sample("p1-f04", "p1"), Sample("p1-f03-b", "p1-f03"));
        if (reopen) ReopenStore();
        Assert.Equal(["note-1", "p1-f03", "p1-f03-b", "p1-f04", "p2", "x9"], Store.Read(r => r.All<SampleRecord>()).Select(x => x.Id));
        Assert.Equal("sample p1-f03", Store.Read(r => r.Find<SampleRecord>("p1-f03"))!.Text);
    }

    [Fact]
    public void Another_collection_may_use_the_same_id()
    {
        Store.Write(w =>
        {
            w.Insert(Sample("same"));
            w.Insert(new SampleNote("same", null, "a note"));
            return 0;
        });

        AssertSame(Sample("same"), Store.Read(r => r.Find<SampleRecord>("same")));
        Assert.Equal("a note", Store.Read(r => r.Find<SampleNote>("same"))!.Text);
    }

    [Fact]
    public void Replacing_a_record_that_does_not_exist_is_refused()
    {
        Save(Sample("a"));
        Store.Write(w => { w.Insert(new SampleNote("only-a-note", null, "")); return 0; });

        Assert.Throws<InvalidOperationException>(() => Store.Write(w => { w.Replace(Sample("missing")); return 0; }));
        Assert.Throws<InvalidOperationException>(() => Store.Write(w => { w.Replace(Sample("only-a-note")); return 0; }));

        AssertSame([Sample("a")], Store.Read(r => r.All<SampleRecord>()));
    }

    [Fact]
    public void Replacing_changes_the_record_and_the_participant_it_is_found_under()
    {
        Save(Sample("a", "p1"));
        Store.Write(w => { w.Replace(Sample("a", "p2") with { Text = "moved" }); return 0; });

        ReopenStore();
        Assert.Empty(Store.Read(r => r.ForParticipant<SampleRecord>("p1")));
        Assert.Equal("moved", Store.Read(r => r.ForParticipant<SampleRecord>("p2")).Single().Text);
        Assert.Equal("moved", Store.Read(r => r.Find<SampleRecord>("a"))!.Text);
    }

    [Fact]
    public void ForParticipant_returns_exactly_that_participants_records_of_the_collection()
    {
        Save(Sample("s1", "p1"), Sample("s2", "p2"), Sample("s3", "p1"), Sample("s4"), Sample("s5", "P1"), Sample("s6", "p10"));
        Store.Write(w => { w.Insert(new SampleNote("n1", "p1", "note")); return 0; });

        Assert.Equal(["s1", "s3"], Store.Read(r => r.ForParticipant<SampleRecord>("p1")).Select(s => s.Id));
        Assert.Equal(["s5"], Store.Read(r => r.ForParticipant<SampleRecord>("P1")).Select(s => s.Id));
        Assert.Equal(["n1"], Store.Read(r => r.ForParticipant<SampleNote>("p1")).Select(s => s.Id));
        Assert.Empty(Store.Read(r => r.ForParticipant<SampleRecord>("p")));
        Assert.Empty(Store.Read(r => r.ForParticipant<SampleRecord>("")));
    }

    [Fact]
    public void Records_come_in_ordinal_id_order()
    {
        string[] ids = ["b", "a10", "Z", "é", "a-2", "A", "a9", "a", "ab"];
        Save([.. ids.Select(id => Sample(id, "p"))]);
        var ordinal = ids.Order(StringComparer.Ordinal).ToList();

        Assert.Equal(ordinal, Store.Read(r => r.All<SampleRecord>()).Select(s => s.Id));
        Assert.Equal(ordinal, Store.Read(r => r.ForParticipant<SampleRecord>("p")).Select(s => s.Id));
    }

    [Fact]
    public void Ids_meta_keys_and_claims_compare_exactly()
    {
        Store.Write(w =>
        {
            w.Insert(Sample("abc") with { Text = "lower" });
            w.Insert(Sample("ABC") with { Text = "upper" });
            w.SetMeta("key", "lower");
            w.SetMeta("KEY", "upper");
            w.Claim("claim");
            w.Claim("CLAIM");
            return 0;
        });

        Assert.Equal("lower", Store.Read(r => r.Find<SampleRecord>("abc"))!.Text);
        Assert.Equal("upper", Store.Read(r => r.Find<SampleRecord>("ABC"))!.Text);
        Assert.Null(Store.Read(r => r.Find<SampleRecord>("Abc")));
        Assert.Null(Store.Read(r => r.Find<SampleRecord>("abc ")));
        Assert.Equal(("lower", "upper", null), Store.Read(r => (r.GetMeta("key"), r.GetMeta("KEY"), r.GetMeta("Key"))));
        Assert.False(IsClaimed("Claim"));
        Assert.True(IsClaimed("CLAIM"));
    }

    [Fact]
    public void Meta_is_null_until_set_and_setting_it_again_overwrites()
    {
        Assert.Null(Store.Read(r => r.GetMeta("m")));
        Store.Write(w => { w.SetMeta("m", "one"); return 0; });
        Store.Write(w => { w.SetMeta("m", "two"); w.SetMeta("empty", ""); return 0; });

        ReopenStore();
        Assert.Equal(("two", ""), Store.Read(r => (r.GetMeta("m"), r.GetMeta("empty"))));
    }

    [Fact]
    public void Audit_entries_come_exactly_as_appended_in_sequence_order()
    {
        AuditEntry[] entries =
        [
            Entry(2) with { ParticipantId = "mch-001", OldValue = "{\"a\":1}", NewValue = "{\"a\":2}", Reason = "Ünïcödé \"why\"" },
            Entry(10) with { TimestampUtc = new DateTimeOffset(2026, 9, 8, 1, 2, 3, TimeSpan.FromHours(-3)).AddTicks(5) },
            Entry(9),
            Entry(1) with { OldValue = null, NewValue = null, Reason = null },
        ];
        Store.Write(w => { foreach (var e in entries.Take(2)) w.AppendAudit(e); return 0; });
        Store.Write(w => { foreach (var e in entries.Skip(2)) w.AppendAudit(e); return 0; });

        ReopenStore();
        var read = Store.Read(r => r.AuditEntries());
        Assert.Equal([1L, 2, 9, 10], read.Select(e => e.Sequence));
        Assert.Equal(entries.OrderBy(e => e.Sequence).Select(e => RecordJson.Serialize(e)), read.Select(e => RecordJson.Serialize(e)));
    }

    [Fact]
    public void Reopening_keeps_everything_that_was_committed()
    {
        Store.Write(w =>
        {
            w.Insert(Rich("r"));
            w.Insert(new SampleNote("n", "p", "note"));
            w.AppendAudit(Entry(1));
            w.SetMeta("m", "v");
            w.Claim("c");
            return 0;
        });

        ReopenStore();
        ReopenStore();
        AssertSame(Rich("r"), Store.Read(r => r.Find<SampleRecord>("r")));
        Assert.Equal("note", Store.Read(r => r.ForParticipant<SampleNote>("p")).Single().Text);
        Assert.Equal(RecordJson.Serialize(Entry(1)), RecordJson.Serialize(Store.Read(r => r.AuditEntries()).Single()));
        Assert.Equal("v", Store.Read(r => r.GetMeta("m")));
        Assert.True(IsClaimed("c"));
    }
}
