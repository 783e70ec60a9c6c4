using System.Text.Json;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Export;
using ProtocolEngine.Engine.Assessments;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Reference;
using ProtocolEngine.Engine.Scheduling;
using ProtocolEngine.Tests.Records.Support;

namespace ProtocolEngine.Tests.Records;

/// <summary>P5.1: a course stopped early ends on its last delivered fraction, and its follow-up is timed from there.</summary>
public class EarlyStopTests
{
    private static readonly DateOnly Mon = TrialFixture.Start; // Monday 2026-09-07

    [Fact]
    public void A_stopped_course_ends_on_its_last_delivered_fraction_and_end_visits_are_timed_and_assessed_from_it()
    {
        using var t = new TrialFixture();
        var p = t.Enrol();
        var s = new TreatmentService(t.As("investigator"));
        for (var d = 0; d < 4; d++)
        {
            t.Clock.SetDate(Mon.AddDays(d));
            s.Record(p.Id, Mon.AddDays(d), missed: false);
        }
        // Before the stop, week 2 is projected from the planned end (ten treatment days: Fri 18 Sep) + 14 days.
        Assert.Equal(new DateOnly(2026, 10, 2), new VisitService(t.As("monitor")).ForParticipant(p.Id).Single(v => v.VisitId == "week2").Target);

        t.Clock.SetDate(Mon.AddDays(4));
        var stop = new TreatmentService(t.As("investigator")).Stop(p.Id, Mon.AddDays(4), StopReason.Toxicity, "grade 3 esophagitis");
        var course = new TreatmentService(t.As("monitor")).Course(p.Id);
        Assert.Equal((4, 12.0, Mon.AddDays(3), true), (course.Delivered, course.DeliveredDoseGy, course.End!.Value, course.Closed));
        Assert.Empty(course.RemainingDates);
        Assert.Equal(stop, course.Stop);

        var week2 = new VisitService(t.As("monitor")).ForParticipant(p.Id).Single(v => v.VisitId == "week2");
        Assert.Equal((new DateOnly(2026, 9, 24), false), (week2.Target, week2.Projected));

        t.Clock.SetDate(new DateOnly(2026, 9, 24));
        var a = new AssessmentService(t.As("coordinator"), OmedTable.Default).Record(p.Id, "week2", null, t.Today, 3, []);
        Assert.Equal(0, a.Occurrence);

        var refused = Assert.Throws<RecordRejectedException>(() => new TreatmentService(t.As("investigator")).Record(p.Id, new DateOnly(2026, 9, 14), false));
        Assert.Equal("date", refused.Field);
        Assert.Contains("stopped on 2026-09-11 (toxicity)", refused.Message);
        Assert.Equal(4, t.Store.Read(r => r.All<FractionRecord>()).Count);
    }

    [Fact]
    public void A_course_stopped_before_any_fraction_ends_on_the_stop_date()
    {
        using var t = new TrialFixture();
        var p = t.Enrol();
        t.Clock.SetDate(Mon.AddDays(1));
        new TreatmentService(t.As("investigator")).Stop(p.Id, Mon.AddDays(1), StopReason.PatientChoice, "");
        var course = new TreatmentService(t.As("monitor")).Course(p.Id);
        Assert.Equal((0, Mon.AddDays(1)), (course.Delivered, course.End!.Value));
        Assert.Equal(Mon.AddDays(15), new VisitService(t.As("monitor")).ForParticipant(p.Id).Single(v => v.VisitId == "week2").Target);
    }

    [Fact]
    public void A_stop_is_refused_twice_after_a_complete_course_before_the_last_session_and_without_a_note_for_other()
    {
        using var t = new TrialFixture();
        var done = t.Enrol();
        var end = Treat.FullCourse(t, done.Id, Mon);
        var s = new TreatmentService(t.As("investigator"));
        Assert.Contains("nothing to stop", Assert.Throws<RecordRejectedException>(() => s.Stop(done.Id, end, StopReason.Toxicity, "")).Message);

        var p = t.Enrol();
        s = new TreatmentService(t.As("investigator"));
        s.Record(p.Id, end, false);
        Assert.Equal("date", Assert.Throws<RecordRejectedException>(() => s.Stop(p.Id, end.AddDays(-1), StopReason.Progression, "")).Field);
        Assert.Equal("note", Assert.Throws<RecordRejectedException>(() => s.Stop(p.Id, end, StopReason.Other, " ")).Field);
        s.Stop(p.Id, end, StopReason.Progression, "cord compression on MRI");
        Assert.Contains("already stopped", Assert.Throws<RecordRejectedException>(() => s.Stop(p.Id, end, StopReason.Progression, "")).Message);
        Assert.Single(t.Store.Read(r => r.All<TreatmentStop>()));
    }

    [Fact]
    public void The_course_its_end_and_its_stop_reason_show_in_the_export_and_the_audit()
    {
        using var t = new TrialFixture();
        var p = t.Enrol();
        var s = new TreatmentService(t.As("investigator"));
        t.Clock.SetDate(Mon.AddDays(2));
        s.Record(p.Id, Mon, false);
        s.Record(p.Id, Mon.AddDays(1), false);
        s.Stop(p.Id, Mon.AddDays(2), StopReason.ConsentWithdrawn, "declined further sessions");

        var export = new ExportService(t.As("statistician")).Collect();
        var course = Assert.Single(export.Courses);
        Assert.Equal((CourseState.Stopped, 2, 6.0, Mon.AddDays(1), Mon.AddDays(2), StopReason.ConsentWithdrawn),
            (course.State, course.Delivered, course.DeliveredDoseGy, course.End!.Value, course.StoppedOn!.Value, course.StopReason!.Value));
        Assert.Single(export.TreatmentStops);
        var courses = ProtocolEngine.Engine.Export.Tables.TidyTables.Of(export, t.Protocol).Single(x => x.Name == "courses");
        var row = Assert.Single(courses.Rows);
        Assert.Equal("stopped", row[courses.Columns.Select(c => c.Name).ToList().IndexOf("state")]);
        Assert.Equal("consent-withdrawn", row[courses.Columns.Select(c => c.Name).ToList().IndexOf("stop_reason")]);
        var odm = OdmExporter.Export(t.Protocol, export);
        Assert.Empty(OdmSchema.Validate(odm));
        Assert.Contains(odm.Descendants(), e => e.Name.LocalName == "ItemData" && (string?)e.Attribute("ItemOID") == "I.RT.STOPREASON" && (string?)e.Attribute("Value") == "consent-withdrawn");

        var entry = export.Audit.Single(a => a.Action == "treatment-stop");
        Assert.Equal("radiotherapy stopped after 2 of 10 fractions: consent-withdrawn", entry.Reason);
        var stored = JsonDocument.Parse(entry.NewValue!).RootElement;
        Assert.Equal(("2026-09-09", "consent-withdrawn"), (stored.GetProperty("date").GetString(), stored.GetProperty("reason").GetString()));
    }

    [Fact]
    public void A_stop_can_come_later_than_a_fraction_entered_late_for_a_day_before_it()
    {
        using var t = new TrialFixture();
        var p = t.Enrol();
        var s = new TreatmentService(t.As("investigator"));
        s.Record(p.Id, Mon, false);
        t.Clock.SetDate(Mon.AddDays(3));
        s = new TreatmentService(t.As("investigator"));
        s.Stop(p.Id, Mon.AddDays(3), StopReason.Toxicity, "");
        s.Record(p.Id, Mon.AddDays(1), false); // entered after the stop, given before it
        var course = s.Course(p.Id);
        Assert.Equal((2, Mon.AddDays(1)), (course.Delivered, course.End!.Value));
        Assert.Equal(VisitStatus.Upcoming, new VisitService(t.As("monitor")).ForParticipant(p.Id).Single(v => v.VisitId == "week2").Status);
    }

    [Fact]
    public void A_late_entry_cannot_complete_a_stopped_course_and_a_death_is_no_stop_of_its_own()
    {
        using var t = new TrialFixture();
        var p = t.Enrol();
        var s = new TreatmentService(t.As("investigator"));
        s.Record(p.Id, Mon, false);
        t.Clock.SetDate(new DateOnly(2026, 9, 30));
        s = new TreatmentService(t.As("investigator"));
        Assert.Equal("reason", Assert.Throws<RecordRejectedException>(() => s.Stop(p.Id, new DateOnly(2026, 9, 25), StopReason.Death, "")).Field);
        s.Stop(p.Id, new DateOnly(2026, 9, 25), StopReason.Toxicity, "");
        var day = Mon.AddDays(1);
        for (var n = 1; n < 9; day = day.AddDays(1))
        {
            if (!FractionCalendar.IsTreatmentDay(day, t.Protocol.Fractionation!, t.Protocol.Sites[0])) continue;
            s.Record(p.Id, day, false);
            n++;
        }
        while (!FractionCalendar.IsTreatmentDay(day, t.Protocol.Fractionation!, t.Protocol.Sites[0])) day = day.AddDays(1);
        Assert.Contains("cannot complete a stopped course", Assert.Throws<RecordRejectedException>(() => s.Record(p.Id, day, false)).Message);
        var course = s.Course(p.Id);
        Assert.Equal((9, StopReason.Toxicity), (course.Delivered, course.Stop!.Reason));
    }
}
