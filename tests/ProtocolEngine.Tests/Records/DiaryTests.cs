using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Assessments;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Reference;
using ProtocolEngine.Tests.Records.Support;

namespace ProtocolEngine.Tests.Records;

/// <summary>P5.3: one diary entry a day from the first fraction to 10 days after the last (Hird et al. 2009).</summary>
public class DiaryTests
{
    private static readonly DateOnly Mon = TrialFixture.Start; // Monday 2026-09-07

    private static TrialFixture WithDiary() =>
        new(TestProtocols.Spine() with { Diary = new DiaryPlan { Label = "Pain diary", DaysAfterEnd = 10, Collect = ["pain", "analgesics"] } });

    [Fact]
    public void Entries_run_from_the_first_fraction_to_ten_days_after_the_last()
    {
        using var t = WithDiary();
        var p = t.Enrol();
        t.Clock.SetDate(Mon);
        var diary = new DiaryService(t.As("coordinator"), OmedTable.Default);
        Assert.Contains("none is recorded yet", Assert.Throws<RecordRejectedException>(() => diary.Add(p.Id, Mon, 6, [])).Message);
        Assert.Contains("before the randomization", Assert.Throws<RecordRejectedException>(() => diary.Add(p.Id, Mon.AddDays(-1), 6, [])).Message);

        var last = Treat.FullCourse(t, p.Id, Mon.AddDays(1)); // Tue 8 Sep .. Mon 21 Sep
        t.Clock.SetDate(last.AddDays(20));
        diary = new DiaryService(t.As("coordinator"), OmedTable.Default);
        Assert.Contains("before the first fraction", Assert.Throws<RecordRejectedException>(() => diary.Add(p.Id, Mon, 6, [])).Message);
        var first = diary.Add(p.Id, Mon.AddDays(1), 6, [new AnalgesicInput("oxycodone", 20)]);
        Assert.Equal((6, 30.0), (first.WorstPain, first.OmedMg));
        diary.Add(p.Id, last.AddDays(10), 2, []);
        var ex = Assert.Throws<RecordRejectedException>(() => diary.Add(p.Id, last.AddDays(11), 2, []));
        Assert.Equal("date", ex.Field);
        Assert.Contains($"10 days after the last fraction ({last:yyyy-MM-dd})", ex.Message);
        Assert.Equal(2, diary.ForParticipant(p.Id).Count);
    }

    [Fact]
    public void A_second_entry_for_a_day_needs_a_reason_and_replaces_the_first_in_the_audit()
    {
        using var t = WithDiary();
        var p = t.Enrol();
        new TreatmentService(t.As("investigator")).Record(p.Id, Mon, false);
        var diary = new DiaryService(t.As("coordinator"), OmedTable.Default);
        diary.Add(p.Id, Mon, 5, []);
        var ex = Assert.Throws<RecordRejectedException>(() => diary.Add(p.Id, Mon, 7, []));
        Assert.Contains("already has a diary entry for 2026-09-07 (worst pain 5)", ex.Message);
        var changed = diary.Add(p.Id, Mon, 7, [], "patient corrected the score on the phone");
        Assert.Equal(7, Assert.Single(diary.ForParticipant(p.Id)).WorstPain);
        var entry = t.Store.Read(r => r.AuditEntries()).Single(a => a.Action == "diary-change");
        Assert.Equal(("patient corrected the score on the phone", changed.Id), (entry.Reason, entry.RecordId));
        Assert.Contains("\"worst_pain\":5", entry.OldValue);
    }

    [Fact]
    public void A_protocol_without_a_diary_and_a_monitor_are_refused()
    {
        using var t = new TrialFixture();
        var p = t.Enrol();
        Assert.Contains("no diary section", Assert.Throws<RecordRejectedException>(() => new DiaryService(t.As("coordinator"), OmedTable.Default).Add(p.Id, Mon, 5, [])).Message);
        using var d = WithDiary();
        var q = d.Enrol();
        new TreatmentService(d.As("investigator")).Record(q.Id, Mon, false);
        Assert.Throws<ProtocolEngine.Engine.Security.AccessDeniedException>(() => new DiaryService(d.As("monitor"), OmedTable.Default).Add(q.Id, Mon, 5, []));
        Assert.Empty(d.Store.Read(r => r.All<DiaryEntry>()));
    }

    [Fact]
    public void An_open_course_closes_its_diary_ten_days_after_the_last_fraction_projected_from_its_last_session()
    {
        using var t = WithDiary();
        var p = t.Enrol();
        new TreatmentService(t.As("investigator")).Record(p.Id, Mon, false);
        t.Clock.SetDate(new DateOnly(2026, 10, 30));
        var diary = new DiaryService(t.As("coordinator"), OmedTable.Default);
        // Nine more treatment days from Mon 7 Sep (Oct 1-2 are holidays) end on Fri 18 Sep: the diary closes on 28 Sep.
        diary.Add(p.Id, new DateOnly(2026, 9, 28), 3, []);
        Assert.Contains("projected last fraction (2026-09-18)", Assert.Throws<RecordRejectedException>(() => diary.Add(p.Id, new DateOnly(2026, 9, 29), 3, [])).Message);
        Assert.Equal("reason", Assert.Throws<RecordRejectedException>(() => diary.Add(p.Id, new DateOnly(2026, 9, 28), 4, [])).Field);
    }
}
