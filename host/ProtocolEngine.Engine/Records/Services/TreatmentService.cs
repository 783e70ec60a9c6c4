using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Records.Model;
using ProtocolEngine.Engine.Records.Scheduling;
using ProtocolEngine.Engine.Records.Security;

namespace ProtocolEngine.Engine.Records.Services;

/// <summary>Records radiotherapy fractions against the protocol's fractionation and the site's calendar.</summary>
public sealed class TreatmentService(TrialSession session)
{
    private Fractionation Fractionation => session.Protocol.Fractionation
        ?? throw new RecordRejectedException("protocol", "The protocol has no fractionation; fractions cannot be recorded.");

    public FractionRecord Record(string participantId, DateOnly date, bool missed, double? doseGy = null)
    {
        var f = Fractionation;
        Guards.NotInFuture(date, session.Today, "date");
        var dose = missed ? 0 : doseGy ?? f.DosePerFractionGy;
        if (missed && doseGy is > 0)
            throw new RecordRejectedException("dose", "A missed fraction delivers no dose.");
        if (!missed) Guards.InRange(dose, 0.01, f.DosePerFractionGy, "dose");
        return session.Write(Permission.RecordTreatment, w =>
        {
            var r = w.Reader;
            Guards.Randomized(r, participantId, date, "date");
            var site = Site(Guards.Participant(r, participantId).SiteId);
            if (!FractionCalendar.IsTreatmentDay(date, f, site))
                throw new RecordRejectedException("date", $"{date:yyyy-MM-dd} ({date.DayOfWeek}) is not a treatment day at site '{site.Id}' (days: {string.Join(", ", f.TreatmentDays)}; holidays excluded).");
            var existing = r.ForParticipant<FractionRecord>(participantId);
            var course = TreatmentCourse.From(existing, f, site, date);
            if (course.Complete)
                throw new RecordRejectedException("fraction", $"The course of {f.Fractions} fractions is complete (last on {course.End:yyyy-MM-dd}); a fraction past the course is refused.");
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

    public TreatmentCourse Course(string participantId) => session.Read(Permission.ReadRecords, r =>
    {
        var p = Guards.Participant(r, participantId);
        return TreatmentCourse.From(r.ForParticipant<FractionRecord>(participantId), Fractionation, Site(p.SiteId), session.Today);
    });

    private Site Site(string id) => session.Protocol.Sites.FirstOrDefault(s => s.Id == id)
        ?? throw new RecordRejectedException("site", $"Site '{id}' is no longer in the protocol.");
}
