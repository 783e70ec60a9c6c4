using ProtocolEngine.Engine.FollowUp;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Scheduling;
using ProtocolEngine.Engine.Assessments;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Tests.Records.Support;

namespace ProtocolEngine.Tests.Records;

public class VisitTests
{
    [Fact]
    public void Visits_follow_the_schedule_with_windows_and_statuses()
    {
        using var t = new TrialFixture();
        var p = t.Enrol();
        var end = Treat.FullCourse(t, p.Id, TrialFixture.Start);
        Assert.Equal(new DateOnly(2026, 9, 18), end);
        var visits = new VisitService(t.As("monitor"));
        var plan = visits.ForParticipant(p.Id, end);
        Assert.Equal(["baseline", "week2", "month3", "month6", "month6", "month6", "month6"], plan.Select(v => v.VisitId));
        var baseline = plan[0];
        Assert.Equal((TrialFixture.Start, TrialFixture.Start.AddDays(7), VisitStatus.Overdue), (baseline.Target, baseline.WindowEnd, baseline.Status));
        var week2 = plan[1];
        Assert.Equal((new DateOnly(2026, 10, 2), new DateOnly(2026, 9, 29), new DateOnly(2026, 10, 5), VisitStatus.Upcoming),
            (week2.Target, week2.WindowStart, week2.WindowEnd, week2.Status));
        Assert.Equal([new DateOnly(2027, 3, 18), new(2027, 9, 18), new(2028, 3, 18), new DateOnly(2028, 9, 18)], plan.Where(v => v.VisitId == "month6").Select(v => v.Target));
        Assert.Equal(VisitStatus.Due, visits.ForParticipant(p.Id, new DateOnly(2026, 10, 1))[1].Status);
        var due = visits.Due(new DateOnly(2026, 10, 1));
        Assert.Equal(["baseline", "week2"], due.Select(v => v.VisitId));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_trial_wide_due_list_is_every_participants_own_plan_filtered_to_due_and_overdue(bool inMemory)
    {
        // Visits due streams each collection once in participant order; asked participant by participant (each
        // one's documents looked up directly), the same occurrences must come out, on every day looked at.
        using var t = new TrialFixture(inMemory: inMemory);
        var treated = t.Enrol();
        Treat.FullCourse(t, treated.Id, TrialFixture.Start);
        var untreated = t.Enrol();
        var unrandomized = t.Enrol(randomize: false);
        var died = t.Enrol();
        var first = t.Today;
        new TreatmentService(t.As("investigator")).Record(died.Id, first, false);
        t.Clock.SetDate(first.AddDays(3));
        new VitalStatusService(t.As("coordinator")).Set(died.Id, VitalStatus.Died, first.AddDays(2), DeathCause.Disease, null);
        var withdrawn = t.Enrol();
        new WithdrawalService(t.As("investigator")).Withdraw(withdrawn.Id, "D1", t.Today, "participant asked to stop");
        var visits = new VisitService(t.As("monitor"));
        var ids = new[] { treated.Id, untreated.Id, unrandomized.Id, died.Id, withdrawn.Id }.Order(StringComparer.Ordinal).ToList();

        var seen = 0;
        foreach (var day in new[] { first, t.Today.AddDays(10), t.Today.AddDays(30), t.Today.AddDays(100), t.Today.AddDays(400) })
        {
            var expected = ids.SelectMany(id => visits.ForParticipant(id, day)).Where(o => o.Status is VisitStatus.Due or VisitStatus.Overdue)
                .OrderBy(o => o.Target).ThenBy(o => o.ParticipantId, StringComparer.Ordinal).ToList();
            Assert.Equal(expected, visits.Due(day));
            seen += expected.Count;
        }
        Assert.True(seen > 5, $"only {seen} due occurrences over the days looked at: the comparison says little");
    }

    [Fact]
    public void Radiotherapy_end_visits_are_projected_until_the_course_ends()
    {
        using var t = new TrialFixture();
        var p = t.Enrol();
        new TreatmentService(t.As("investigator")).Record(p.Id, TrialFixture.Start, false);
        var week2 = new VisitService(t.As("monitor")).ForParticipant(p.Id).Single(v => v.VisitId == "week2");
        Assert.True(week2.Projected);
        Assert.Equal(new DateOnly(2026, 10, 2), week2.Target);
    }

    [Fact]
    public void A_missed_visit_needs_a_reason_and_is_recorded_once()
    {
        using var t = new TrialFixture();
        var p = t.Enrol();
        var v = new VisitService(t.As("coordinator"));
        Assert.Equal("reason", Assert.Throws<RecordRejectedException>(() => v.MarkMissed(p.Id, "baseline", 0, "")).Field);
        v.MarkMissed(p.Id, "baseline", 0, "patient too ill to travel");
        Assert.Equal(VisitStatus.Missed, v.ForParticipant(p.Id)[0].Status);
        Assert.Equal("visit", Assert.Throws<RecordRejectedException>(() => v.MarkMissed(p.Id, "baseline", 0, "again")).Field);
    }

    [Fact]
    public void A_visit_before_radiotherapy_is_planned_from_the_projected_course_and_can_be_assessed()
    {
        var protocol = TestProtocols.Spine();
        protocol = protocol with
        {
            Visits = [.. protocol.Visits.Select(v => v.Id == "baseline"
                ? v with { Anchor = ProtocolEngine.Engine.Model.VisitAnchor.RadiotherapyStart, Days = -1, Window = new ProtocolEngine.Engine.Model.VisitWindow { BeforeDays = 7, AfterDays = 1 } } : v)],
        };
        using var t = new TrialFixture(protocol);
        var p = t.Enrol(); // randomized Monday 7 Sep 2026; the course is projected from Tuesday 8 Sep
        var plan = new VisitService(t.As("monitor")).ForParticipant(p.Id);
        var baseline = plan.Single(v => v.VisitId == "baseline");
        Assert.Equal((new DateOnly(2026, 9, 7), VisitStatus.Due, true), (baseline.Target, baseline.Status, baseline.Projected));
        Assert.Equal(new DateOnly(2026, 10, 5), plan.Single(v => v.VisitId == "week2").Target); // projected end Mon 21 Sep + 2 weeks
        var assess = new AssessmentService(t.As("coordinator"), ProtocolEngine.Engine.Reference.OmedTable.Default);
        assess.Record(p.Id, "baseline", null, t.Today, 6, []);
        var ex = Assert.Throws<RecordRejectedException>(() => assess.Record(p.Id, "week2", null, t.Today, 6, []));
        Assert.Contains("has not reached", ex.Message);
    }
}
