using ProtocolEngine.Tests.Storage;
using LiteDB;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Audit;
using ProtocolEngine.Engine.Assessments;
using ProtocolEngine.Engine.FollowUp;
using ProtocolEngine.Engine.Safety;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Tests.Records.Support;

namespace ProtocolEngine.Tests.Records;

public class AuditTrailTests
{
    private static TrialFixture Populated()
    {
        var t = new TrialFixture();
        var p = t.Enrol();
        var inv = t.As("investigator");
        var ae = new AdverseEventService(inv, ProtocolEngine.Engine.Reference.CtcaeCatalog.Default)
            .Add(p.Id, new AdverseEventInput { Term = "Back pain", Grade = 1, Onset = t.Today, Relation = Relatedness.Possible });
        new AdverseEventService(inv, ProtocolEngine.Engine.Reference.CtcaeCatalog.Default).Update(ae.Id, a => a with { Grade = 2 }, "re-graded after review");
        return t;
    }

    private static void Tamper(TrialFixture t, Action<LiteDatabase> change)
    {
        t.Close();
        using (var db = new LiteDatabase(new ConnectionString { Filename = t.DbPath, Password = TrialFixture.Key }))
            change(db);
        t.Reopen();
    }

    [Fact]
    public void Every_change_records_who_when_old_new_and_why()
    {
        using var t = Populated();
        Assert.Empty(new AuditService(t.As("monitor")).Verify());
        var update = new AuditService(t.As("admin")).Show().Single(e => e.Action == "ae-update");
        Assert.Equal("investigator", update.User);
        Assert.Equal(t.Clock.GetUtcNow(), update.TimestampUtc);
        Assert.Contains("\"grade\":1", update.OldValue);
        Assert.Contains("\"grade\":2", update.NewValue);
        Assert.Equal("re-graded after review", update.Reason);
        Assert.Equal(t.As("admin").ProtocolHash, update.ProtocolHash);
    }

    [Fact]
    public void A_change_without_reason_is_refused()
    {
        using var t = Populated();
        var ex = Assert.Throws<RecordRejectedException>(() => new AdverseEventService(t.As("investigator"), ProtocolEngine.Engine.Reference.CtcaeCatalog.Default)
            .Update("mch-001-AE1", a => a with { Grade = 3 }, " "));
        Assert.Equal("reason", ex.Field);
    }

    [Fact]
    public void Show_filters_by_participant()
    {
        using var t = Populated();
        var entries = new AuditService(t.As("admin")).Show("mch-001");
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Equal("mch-001", e.ParticipantId));
        Assert.Throws<RecordRejectedException>(() => new AuditService(t.As("admin")).Show("mch-999"));
    }

    [Fact]
    public void An_edited_entry_is_found()
    {
        using var t = Populated();
        Tamper(t, db => LiteTamper.RewriteAudit(db, entries => entries.Select(e => e.Sequence != 5 ? e
            : (e.Sequence, System.Text.RegularExpressions.Regex.Replace(e.Json, "\"user\":\"[^\"]*\"", "\"user\":\"mallory\"")))));
        Assert.Contains(new AuditService(t.As("monitor")).Verify(), p => p.Sequence == 5 && p.Message.Contains("altered"));
    }

    [Fact]
    public void A_removed_entry_is_found_also_at_the_end()
    {
        using var t = Populated();
        var last = t.Store.Read(r => r.AuditEntries()[^1].Sequence);
        Tamper(t, db => LiteTamper.RewriteAudit(db, entries => entries.Where(e => e.Sequence != 3)));
        Assert.Contains(new AuditService(t.As("monitor")).Verify(), p => p.Message.Contains("inserted or removed"));
        Tamper(t, db => LiteTamper.RewriteAudit(db, entries => entries.Where(e => e.Sequence != last)));
        Assert.Contains(new AuditService(t.As("monitor")).Verify(), p => p.Message.Contains("recorded entry"));
    }

    [Fact]
    public void An_inserted_entry_is_found()
    {
        using var t = Populated();
        // Entries from 4 on move up one, and a copy of (what was) entry 5 goes in at 4.
        Tamper(t, db => LiteTamper.RewriteAudit(db, entries => entries.Select(e => e.Sequence >= 4 ? (e.Sequence + 1, e.Json) : e)
            .Append((4L, entries.Single(e => e.Sequence == 5).Json))));
        Assert.NotEmpty(new AuditService(t.As("monitor")).Verify());
    }

    [Fact]
    public void A_record_changed_behind_the_trail_is_found()
    {
        using var t = Populated();
        Tamper(t, db => LiteTamper.RewriteRecords(db, "randomizations", json => json.Replace("\"arm_id\":\"local\"", "\"arm_id\":\"whole\"")));
        Assert.Contains(new AuditService(t.As("monitor")).Verify(), p => p.Message.Contains("changed outside the trail"));
    }

    [Fact]
    public void Every_kind_of_record_the_engine_stores_is_compared_with_the_trail()
    {
        var recordTypes = typeof(IRecord).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRecord).IsAssignableFrom(t));
        Assert.Empty(recordTypes.Except(AuditVerifier.CoveredTypes).Select(t => t.Name));
    }

    [Theory]
    [InlineData("treatment_stops", "\"reason\":\"toxicity\"", "\"reason\":\"progression\"")]
    [InlineData("vital_status", "\"status\":\"died\"", "\"status\":\"alive\"")]
    [InlineData("diary", "\"worst_pain\":6", "\"worst_pain\":1")]
    public void A_stop_a_vital_status_or_a_diary_day_changed_behind_the_trail_is_found(string collection, string from, string to)
    {
        using var t = new TrialFixture(TestProtocols.Spine() with { Diary = new ProtocolEngine.Engine.Model.DiaryPlan { Label = "Diary", DaysAfterEnd = 10 } });
        var p = t.Enrol();
        t.Clock.SetDate(TrialFixture.Start.AddDays(2));
        new TreatmentService(t.As("investigator")).Record(p.Id, TrialFixture.Start, false);
        new DiaryService(t.As("coordinator"), ProtocolEngine.Engine.Reference.OmedTable.Default).Add(p.Id, TrialFixture.Start, 6, []);
        new TreatmentService(t.As("investigator")).Stop(p.Id, TrialFixture.Start.AddDays(1), StopReason.Toxicity, "");
        new VitalStatusService(t.As("coordinator")).Set(p.Id, VitalStatus.Died, TrialFixture.Start.AddDays(2), null, null);
        Assert.Empty(new AuditService(t.As("monitor")).Verify());
        Tamper(t, db =>
        {
            Assert.Contains(from, Assert.Single(LiteTamper.Records(db, collection)));
            LiteTamper.RewriteRecords(db, collection, json => json.Replace(from, to));
        });
        Assert.Contains(new AuditService(t.As("monitor")).Verify(), x => x.Message.Contains($"{collection} record") && x.Message.Contains("changed outside the trail"));
    }

    [Fact]
    public void A_record_removed_behind_the_trail_is_found_and_named()
    {
        using var t = Populated();
        var last = t.Store.Read(r => r.AuditEntries().Last(e => e.Collection == "adverse_events").Sequence);
        Tamper(t, db => LiteTamper.RemoveRecord(db, "adverse_events", "mch-001-AE1"));
        var problem = Assert.Single(new AuditService(t.As("monitor")).Verify());
        Assert.Equal(last, problem.Sequence);
        Assert.Equal($"adverse_events record 'mch-001-AE1' is in the trail (last at entry {last}) but not in the database: it was removed outside the trail.", problem.Message);
    }

    [Fact]
    public void Records_that_differ_are_reported_in_id_order_after_the_chain()
    {
        using var t = Populated();
        t.Enrol();
        Tamper(t, db =>
        {
            LiteTamper.RewriteRecords(db, "participants", json => json.Replace("\"initials\":\"AB\"", "\"initials\":\"XY\""));
            LiteTamper.RewriteAudit(db, entries => entries.Select(e => e.Sequence != 1 ? e : (e.Sequence, e.Json.Replace("\"action\":\"", "\"action\":\"x"))));
        });
        var problems = new AuditService(t.As("monitor")).Verify();
        Assert.Equal([1L, null, null], problems.Select(p => p.Sequence));
        Assert.Contains("'mch-001' differs", problems[1].Message);
        Assert.Contains("'mch-002' differs", problems[2].Message);
    }

    [Fact]
    public void Verify_counts_the_entries_in_its_one_read_of_the_trail_and_reads_no_table_whole()
    {
        using var t = Populated();
        var count = t.Store.Read(r => r.AuditEntries().Count);
        var store = new StreamingOnlyStore(t.Store);
        var report = new AuditService(TrialDatabase.Open(store, t.Protocol, "monitor", TrialFixture.Password, t.Clock, upgradeHash: false)).Check();
        Assert.Equal((count, true), (report.Entries, report.Intact));
        Assert.Equal(1, store.TrailReads);
        Assert.Equal(AuditVerifier.CoveredTypes.Count, store.Scans);
    }

    [Fact]
    public void Show_pages_through_the_trail_from_a_sequence()
    {
        using var t = Populated();
        var all = new AuditService(t.As("admin")).Show();
        var page = new List<AuditEntry>();
        Assert.Equal(3, new AuditService(t.As("admin")).Show(null, 4, 3, page.Add));
        Assert.Equal([4L, 5, 6], page.Select(e => e.Sequence));
        page.Clear();
        Assert.Equal(all.Count - 1, new AuditService(t.As("admin")).Show(null, 2, null, page.Add));
        page.Clear();
        Assert.Equal(0, new AuditService(t.As("admin")).Show(null, all[^1].Sequence + 1, null, page.Add));
        var mine = new AuditService(t.As("admin")).Show("mch-001");
        Assert.Equal(mine.Skip(1).Take(2).Select(e => e.Sequence), Paged("mch-001", mine[1].Sequence, 2));

        List<long> Paged(string participant, long from, int limit)
        {
            var entries = new List<AuditEntry>();
            new AuditService(t.As("admin")).Show(participant, from, limit, entries.Add);
            return [.. entries.Select(e => e.Sequence)];
        }
    }
}
