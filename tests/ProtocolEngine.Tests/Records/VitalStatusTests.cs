using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Assessments;
using ProtocolEngine.Engine.FollowUp;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Safety;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Reference;
using ProtocolEngine.Engine.Scheduling;
using ProtocolEngine.Tests.Records.Support;

namespace ProtocolEngine.Tests.Records;

/// <summary>P5.2: death and loss to follow-up end follow-up; nothing clinical is accepted after a death; corrections need a reason.</summary>
public class VitalStatusTests
{
    private static readonly DateOnly Mon = TrialFixture.Start; // Monday 2026-09-07

    private static (TrialFixture T, Participant P) ThreeFractions()
    {
        var t = new TrialFixture();
        var p = t.Enrol();
        t.Clock.SetDate(Mon.AddDays(2));
        var s = new TreatmentService(t.As("investigator"));
        for (var d = 0; d < 3; d++) s.Record(p.Id, Mon.AddDays(d), false);
        return (t, p);
    }

    [Fact]
    public void After_a_death_the_course_stops_and_the_remaining_visits_are_not_expected_never_missed_or_overdue()
    {
        var (t, p) = ThreeFractions();
        using var _ = t;
        t.Clock.SetDate(new DateOnly(2026, 9, 20));
        var v = new VitalStatusService(t.As("coordinator")).Set(p.Id, VitalStatus.Died, new DateOnly(2026, 9, 20), DeathCause.Disease, null);
        Assert.Equal((VitalStatus.Died, DeathCause.Disease), (v.Status, v.Cause!.Value));

        var course = new TreatmentService(t.As("monitor")).Course(p.Id);
        Assert.Equal((StopReason.Death, Mon.AddDays(2)), (course.Stop!.Reason, course.End!.Value));

        t.Clock.SetDate(new DateOnly(2027, 6, 1));
        var plan = new VisitService(t.As("monitor")).ForParticipant(p.Id);
        // Baseline's window (randomization + 7 days) closed before the death: it stays overdue, as it was before.
        Assert.Equal(VisitStatus.Overdue, plan.Single(o => o.VisitId == "baseline").Status);
        Assert.All(plan.Where(o => o.VisitId != "baseline"), o => Assert.Equal(VisitStatus.NotExpected, o.Status));
        Assert.DoesNotContain(new VisitService(t.As("monitor")).Due(t.Today), o => o.ParticipantId == p.Id && o.VisitId != "baseline");
        Assert.Contains("not expected", Assert.Throws<RecordRejectedException>(() => new VisitService(t.As("coordinator")).MarkMissed(p.Id, "month3", 0, "no show")).Message);
    }

    [Fact]
    public void No_clinical_data_dated_after_a_death_is_accepted()
    {
        var (t, p) = ThreeFractions();
        using var _ = t;
        var death = new DateOnly(2026, 9, 10);
        t.Clock.SetDate(new DateOnly(2026, 9, 30));
        new VitalStatusService(t.As("coordinator")).Set(p.Id, VitalStatus.Died, death, DeathCause.TreatmentRelated, null);
        var s = t.As("investigator");
        var after = death.AddDays(1);
        var refusals = new Action[]
        {
            () => new TreatmentService(s).Record(p.Id, new DateOnly(2026, 9, 14), false),
            () => new AssessmentService(s, OmedTable.Default).Record(p.Id, "week2", null, new DateOnly(2026, 9, 24), 2, []),
            () => new AdverseEventService(s, CtcaeCatalog.Default).Add(p.Id, new AdverseEventInput { Term = "Fatigue", Grade = 1, Onset = after, Relation = Relatedness.Possible }),
            () => new ImagingService(s).Add(p.Id, new ImagingInput { Date = after, Modality = ImagingModality.Ct, Finding = FindingKind.NoFinding, Level = "T10" }),
            () => new WithdrawalService(s).Withdraw(p.Id, "D1", after, ""),
        };
        foreach (var refuse in refusals)
            Assert.Contains("after the death of 'mch-001' on 2026-09-10", Assert.Throws<RecordRejectedException>(refuse).Message);
        // An event on the day of death is still accepted (the grade 5 event itself), but not its resolution after it.
        var ae = new AdverseEventService(s, CtcaeCatalog.Default).Add(p.Id, new AdverseEventInput { Term = "Fatigue", Grade = 2, Onset = death, Relation = Relatedness.Possible });
        Assert.Equal("resolved", Assert.Throws<RecordRejectedException>(() => new AdverseEventService(s, CtcaeCatalog.Default).Update(ae.Id, a => a with { Resolved = after }, "resolved at follow-up")).Field);
        Assert.Equal(3, t.Store.Read(r => r.All<FractionRecord>()).Count);
    }

    [Fact]
    public void A_death_dated_before_recorded_data_is_refused_naming_the_record()
    {
        var (t, p) = ThreeFractions();
        using var _ = t;
        var ex = Assert.Throws<RecordRejectedException>(() => new VitalStatusService(t.As("coordinator")).Set(p.Id, VitalStatus.Died, Mon.AddDays(1), null, null));
        Assert.Equal("date", ex.Field);
        Assert.Contains("fraction 3 of 'mch-001' dated 2026-09-09", ex.Message);
        Assert.Empty(t.Store.Read(r => r.All<VitalStatusRecord>()));
        Assert.Empty(t.Store.Read(r => r.All<TreatmentStop>()));
    }

    [Fact]
    public void Undoing_a_death_is_a_correction_that_needs_a_reason_and_reopens_follow_up()
    {
        var (t, p) = ThreeFractions();
        using var _ = t;
        var status = new VitalStatusService(t.As("coordinator"));
        t.Clock.SetDate(new DateOnly(2026, 9, 25));
        status.Set(p.Id, VitalStatus.Died, new DateOnly(2026, 9, 21), null, null);
        status = new VitalStatusService(t.As("coordinator"));
        Assert.Equal("reason", Assert.Throws<RecordRejectedException>(() => status.Set(p.Id, VitalStatus.Alive, new DateOnly(2026, 9, 25), null, null)).Field);
        Assert.Equal("reason", Assert.Throws<RecordRejectedException>(() => status.Set(p.Id, VitalStatus.Died, new DateOnly(2026, 9, 22), null, null)).Field);
        status.Set(p.Id, VitalStatus.Alive, new DateOnly(2026, 9, 25), null, "entered for the wrong participant");
        // Alive again: the course the death had ended is open, and data after the corrected date is accepted.
        new TreatmentService(t.As("investigator")).Record(p.Id, new DateOnly(2026, 9, 23), false);
        var audit = t.Store.Read(r => r.AuditEntries()).Where(a => a.Action == "vital-status").ToList();
        Assert.Equal([null, "entered for the wrong participant"], audit.Select(a => a.Reason));
        Assert.Contains("\"died\"", audit[1].OldValue);
    }

    [Fact]
    public void Lost_to_follow_up_ends_expected_visits_and_later_data_asks_for_the_contact_first()
    {
        using var t = new TrialFixture();
        var p = t.Enrol();
        Treat.FullCourse(t, p.Id, Mon);
        t.Clock.SetDate(new DateOnly(2026, 12, 10));
        new VitalStatusService(t.As("coordinator")).Set(p.Id, VitalStatus.LostToFollowUp, new DateOnly(2026, 10, 1), null, null);
        var plan = new VisitService(t.As("monitor")).ForParticipant(p.Id);
        Assert.Equal(VisitStatus.NotExpected, plan.Single(o => o.VisitId == "month3").Status);
        var ex = Assert.Throws<RecordRejectedException>(() => new AssessmentService(t.As("coordinator"), OmedTable.Default).Record(p.Id, "month3", null, new DateOnly(2026, 12, 10), 2, []));
        Assert.Contains("lost to follow-up on 2026-10-01", ex.Message);
        Assert.Contains("set their status to alive", ex.Message);
        var alive = new VitalStatusService(t.As("coordinator")).Set(p.Id, VitalStatus.Alive, new DateOnly(2026, 12, 10), null, "patient phoned the clinic");
        Assert.Equal(new DateOnly(2026, 12, 10), alive.LastContact);
        Assert.Equal(VisitStatus.Due, new VisitService(t.As("monitor")).ForParticipant(p.Id).Single(o => o.VisitId == "month3").Status);
    }

    [Fact]
    public void Status_is_refused_for_a_participant_not_randomized_with_a_cause_other_than_death_and_for_a_monitor()
    {
        using var t = new TrialFixture();
        var p = t.Enrol(randomize: false);
        var s = new VitalStatusService(t.As("coordinator"));
        Assert.Contains("not randomized", Assert.Throws<RecordRejectedException>(() => s.Set(p.Id, VitalStatus.Died, t.Today, null, null)).Message);
        var q = t.Enrol();
        Assert.Equal("cause", Assert.Throws<RecordRejectedException>(() => s.Set(q.Id, VitalStatus.Alive, t.Today, DeathCause.Disease, null)).Field);
        Assert.Throws<ProtocolEngine.Engine.Security.AccessDeniedException>(() => new VitalStatusService(t.As("monitor")).Set(q.Id, VitalStatus.Alive, t.Today, null, null));
        t.Clock.SetDate(Mon.AddDays(30));
        s = new VitalStatusService(t.As("coordinator"));
        var alive = s.Set(q.Id, VitalStatus.Alive, t.Today, null, null);
        Assert.Equal(t.Today, alive.LastContact);
        Assert.Equal("reason", Assert.Throws<RecordRejectedException>(() => s.Set(q.Id, VitalStatus.Alive, t.Today.AddDays(-1), null, null)).Field);
    }

    [Fact]
    public void A_corrected_death_corrects_the_course_it_ended_and_a_window_closing_on_the_day_of_death_is_not_expected()
    {
        var (t, p) = ThreeFractions();
        using var _ = t;
        t.Clock.SetDate(new DateOnly(2026, 9, 14));
        var status = new VitalStatusService(t.As("coordinator"));
        status.Set(p.Id, VitalStatus.Died, Mon.AddDays(7), null, null);
        // The baseline window (randomization + 7 days) closes on the day of death.
        Assert.Equal(VisitStatus.NotExpected, new VisitService(t.As("monitor")).ForParticipant(p.Id).Single(o => o.VisitId == "baseline").Status);
        Assert.Equal(StopReason.Death, new TreatmentService(t.As("monitor")).Course(p.Id).Stop!.Reason);
        status.Set(p.Id, VitalStatus.Died, Mon.AddDays(3), null, "date of death confirmed by the registry");
        status.Set(p.Id, VitalStatus.Alive, Mon.AddDays(7), null, "entered for the wrong participant");
        Assert.Null(new TreatmentService(t.As("monitor")).Course(p.Id).Stop);
        new TreatmentService(t.As("investigator")).Record(p.Id, Mon.AddDays(7), false);
        Assert.Empty(t.Store.Read(r => r.All<TreatmentStop>()));
    }
}
