using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Scheduling;
using ProtocolEngine.Tests.Records.Support;

namespace ProtocolEngine.Tests.Records;

public class TreatmentTests
{
    [Fact]
    public void The_calendar_gives_ten_weekdays_skipping_weekends_and_site_holidays()
    {
        var p = TestProtocols.Spine();
        var dates = FractionCalendar.Plan(new DateOnly(2026, 9, 28), 10, p.Fractionation!, p.Sites[0]);
        // Mon 28 Sep .. : Sep 28-30, (Oct 1-2 holidays), Oct 5-9, Oct 12-13
        Assert.Equal(
            [new(2026, 9, 28), new(2026, 9, 29), new(2026, 9, 30), new(2026, 10, 5), new(2026, 10, 6), new(2026, 10, 7), new(2026, 10, 8), new(2026, 10, 9), new(2026, 10, 12), new DateOnly(2026, 10, 13)],
            dates);
    }

    [Fact]
    public void A_missed_fraction_extends_the_course_and_a_fraction_past_it_is_refused()
    {
        using var t = new TrialFixture();
        var p = t.Enrol();
        var s = new TreatmentService(t.As("investigator"));
        var day = TrialFixture.Start;
        var site = t.Protocol.Sites[0];
        var recorded = 0;
        while (recorded < 11)
        {
            if (FractionCalendar.IsTreatmentDay(day, t.Protocol.Fractionation!, site))
            {
                t.Clock.SetDate(day);
                s.Record(p.Id, day, missed: recorded == 2);
                recorded++;
            }
            day = day.AddDays(1);
        }
        var course = s.Course(p.Id);
        Assert.True(course.Complete);
        Assert.Equal(1, course.Missed);
        Assert.Equal(30, course.DeliveredDoseGy, 6);
        Assert.Equal(TrialFixture.Start, course.Start);
        Assert.Equal(new DateOnly(2026, 9, 21), course.End); // 11 treatment days from Mon 7 Sep
        while (!FractionCalendar.IsTreatmentDay(day, t.Protocol.Fractionation!, site)) day = day.AddDays(1);
        t.Clock.SetDate(day);
        var ex = Assert.Throws<RecordRejectedException>(() => s.Record(p.Id, day, false));
        Assert.Equal("fraction", ex.Field);
        Assert.Contains("past the course", ex.Message);
    }

    [Fact]
    public void Fractions_are_refused_before_randomization_on_weekends_holidays_and_with_bad_doses()
    {
        using var t = new TrialFixture();
        var p = t.Enrol();
        var s = new TreatmentService(t.As("investigator"));
        Assert.Equal("date", Assert.Throws<RecordRejectedException>(() => s.Record(p.Id, TrialFixture.Start.AddDays(-3), false)).Field);
        t.Clock.SetDate(new DateOnly(2026, 10, 3));
        Assert.Contains("Saturday", Assert.Throws<RecordRejectedException>(() => s.Record(p.Id, new DateOnly(2026, 9, 12), false)).Message);
        Assert.Contains("not a treatment day", Assert.Throws<RecordRejectedException>(() => s.Record(p.Id, TestProtocols.Holiday, false)).Message);
        Assert.Equal("dose", Assert.Throws<RecordRejectedException>(() => s.Record(p.Id, TrialFixture.Start, false, 30)).Field);
        Assert.Equal("date", Assert.Throws<RecordRejectedException>(() => s.Record(p.Id, new DateOnly(2026, 10, 5), false)).Field);
        s.Record(p.Id, TrialFixture.Start.AddDays(1), false);
        Assert.Equal("date", Assert.Throws<RecordRejectedException>(() => s.Record(p.Id, TrialFixture.Start, false)).Field);
        Assert.Equal("date", Assert.Throws<RecordRejectedException>(() => s.Record(p.Id, TrialFixture.Start.AddDays(1), false)).Field);
        Assert.Single(t.Store.Read(r => r.All<FractionRecord>()));
    }

    [Fact]
    public void Target_volumes_store_the_isrc_sectors_per_lesion()
    {
        using var t = new TrialFixture();
        var p = t.Enrol();
        var tv = new TargetVolume { Id = $"{p.Id}-TV1", ParticipantId = p.Id, Level = "T10", GtvSectors = [1, 2], CtvSectors = [1, 2, 3], CtvPolicy = "isrc-consensus", PtvMarginCm = 0.3, DefinedOn = t.Today };
        t.As("investigator").Write(ProtocolEngine.Engine.Security.Permission.RecordTreatment, w => w.Create(tv, "target-volume"));
        Assert.Equal(ProtocolEngine.Engine.Storage.RecordJson.Serialize(tv), ProtocolEngine.Engine.Storage.RecordJson.Serialize(t.Store.Read(r => r.Find<TargetVolume>(tv.Id))));
    }
}
