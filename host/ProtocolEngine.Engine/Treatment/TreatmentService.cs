using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.FollowUp;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Storage;
using ProtocolEngine.Engine.Scheduling;
using ProtocolEngine.Engine.Security;

namespace ProtocolEngine.Engine.Treatment;

/// <summary>Records radiotherapy fractions against the protocol's fractionation and the site's calendar, and early stops of a course.</summary>
public sealed class TreatmentService(TrialSession session)
{
    private Fractionation Fractionation => session.Protocol.Fractionation
        ?? throw new RecordRejectedException("protocol", "The protocol has no fractionation; fractions cannot be recorded.");

    public FractionRecord Record(string participantId, DateOnly date, bool missed, double? doseGy = null)
    {
        var f = Fractionation;
        Guards.NotInFuture(date, session.TodayFor(participantId), "date");
        var dose = missed ? 0 : doseGy ?? f.DosePerFractionGy;
        if (missed && doseGy is > 0)
            throw new RecordRejectedException("dose", "A missed fraction delivers no dose.");
        if (!missed) Guards.InRange(dose, 0.01, f.DosePerFractionGy, "dose");
        return session.Write(Permission.RecordTreatment, w =>
        {
            var r = w.Reader;
            Guards.Randomized(r, participantId, date, "date");
            var site = Site(Guards.Participant(r, participantId).SiteId);
            var existing = r.ForParticipant<FractionRecord>(participantId);
            var course = TreatmentCourse.From(existing, f, site, date, StopOf(r, participantId));
            if (course.Stop is { } stop && date > stop.Date)
                throw new RecordRejectedException("date", $"Radiotherapy of '{participantId}' was stopped on {stop.Date:yyyy-MM-dd} ({Guards.Text(stop.Reason)}); fractions after the stop are refused.");
            if (course.Stop is { } stopped && !missed && course.Delivered + 1 >= f.Fractions)
                throw new RecordRejectedException("fraction", $"Radiotherapy of '{participantId}' was stopped on {stopped.Date:yyyy-MM-dd} after {course.Delivered} of {f.Fractions} fractions; "
                    + "a late entry before the stop cannot complete a stopped course. Check the stop and the fraction dates.");
            if (course.Complete)
                throw new RecordRejectedException("fraction", $"The course of {f.Fractions} fractions is complete (last on {course.End:yyyy-MM-dd}); a fraction past the course is refused.");
            if (!FractionCalendar.IsTreatmentDay(date, f, site))
                throw new RecordRejectedException("date", $"{date:yyyy-MM-dd} ({date.DayOfWeek}) is not a treatment day at site '{site.Id}' (days: {string.Join(", ", f.TreatmentDays)}; holidays excluded).");
            if (existing.Count > 0)
            {
                var last = existing.MaxBy(x => x.Sequence)!;
                if (date < last.Date)
                    throw new RecordRejectedException("date", $"{date:yyyy-MM-dd} is before the last recorded fraction ({last.Date:yyyy-MM-dd}).");
                if (existing.Count(x => x.Date == date) >= f.FractionsPerDay)
                    throw new RecordRejectedException("date", $"{date:yyyy-MM-dd} already has {f.FractionsPerDay} fraction session(s); the protocol gives {f.FractionsPerDay} per day.");
            }
            var sequence = existing.Count + 1;
            return w.Create(new FractionRecord
            {
                Id = $"{participantId}-F{sequence}", ParticipantId = participantId, Sequence = sequence, Date = date,
                Status = missed ? FractionStatus.Missed : FractionStatus.Delivered, DoseGy = dose, ProtocolHash = session.ProtocolHash,
            }, missed ? "fraction-missed" : "fraction-delivered");
        });
    }

    /// <summary>
    /// Stops a course before it is complete: it then ends on its last delivered fraction (or on
    /// <paramref name="date"/> when none was delivered), visits timed from its end are scheduled from
    /// there, and no further fraction is accepted.
    /// </summary>
    public TreatmentStop Stop(string participantId, DateOnly date, StopReason reason, string note)
    {
        var f = Fractionation;
        Guards.NotInFuture(date, session.TodayFor(participantId), "date");
        if (reason == StopReason.Other && string.IsNullOrWhiteSpace(note))
            throw new RecordRejectedException("note", "A stop for another reason needs a note saying what it was (--note).");
        if (reason == StopReason.Death)
            throw new RecordRejectedException("reason", "A death is recorded as the participant's vital status (status set --status died), which ends the course on its date; it is not a stop of its own.");
        return session.Write(Permission.RecordTreatment, w =>
        {
            Guards.Randomized(w.Reader, participantId, date, "date");
            return StopWithin(w, f, participantId, date, reason, note, session.ProtocolHash);
        });
    }

    private static TreatmentStop StopWithin(Audit.AuditedWriter w, Fractionation f, string participantId, DateOnly date, StopReason reason, string note, string protocolHash)
    {
        var r = w.Reader;
        var fractions = r.ForParticipant<FractionRecord>(participantId);
        var delivered = fractions.Count(x => x.Status == FractionStatus.Delivered);
        if (StopOf(r, participantId) is { } done)
            throw new RecordRejectedException("participant", $"Radiotherapy of '{participantId}' was already stopped on {done.Date:yyyy-MM-dd} ({Guards.Text(done.Reason)}).");
        if (delivered >= f.Fractions)
            throw new RecordRejectedException("participant", $"The course of '{participantId}' is complete ({delivered} of {f.Fractions} fractions); there is nothing to stop.");
        if (fractions.Count > 0 && fractions.Max(x => x.Date) is var last && date < last)
            throw new RecordRejectedException("date", $"{date:yyyy-MM-dd} is before the last recorded fraction ({last:yyyy-MM-dd}); a course stops on or after its last session.");
        return w.Create(new TreatmentStop
        {
            Id = $"{participantId}-STOP", ParticipantId = participantId, Date = date, Reason = reason, Note = note, ProtocolHash = protocolHash,
        }, "treatment-stop", $"radiotherapy stopped after {delivered} of {f.Fractions} fractions: {Guards.Text(reason)}");
    }

    public TreatmentCourse Course(string participantId) => session.Read(Permission.ReadRecords, r =>
    {
        var siteId = Guards.Participant(r, participantId).SiteId;
        return CourseOf(r, Fractionation, Site(siteId), participantId, session.TodayAt(siteId));
    });

    /// <summary>The course from a participant's fractions and stop, projected from <paramref name="today"/>.</summary>
    internal static TreatmentCourse CourseOf(IRecordReader r, Fractionation f, Site site, string participantId, DateOnly today) =>
        TreatmentCourse.From(r.ForParticipant<FractionRecord>(participantId), f, site, today, StopOf(r, participantId));

    /// <summary>The course's early stop: the recorded one, else a death (which ends radiotherapy on its date).</summary>
    internal static TreatmentStop? StopOf(IRecordReader r, string participantId) =>
        RecordedStop(r, participantId)
        ?? (Guards.VitalStatus(r, participantId) is { Status: VitalStatus.Died } died
            ? new TreatmentStop { Id = $"{participantId}-STOP", ParticipantId = participantId, Date = died.Date, Reason = StopReason.Death, Note = "died", ProtocolHash = died.ProtocolHash }
            : null);

    private static TreatmentStop? RecordedStop(IRecordReader r, string participantId) => r.Find<TreatmentStop>($"{participantId}-STOP");

    private Site Site(string id) => Guards.Site(session.Protocol, id);
}
