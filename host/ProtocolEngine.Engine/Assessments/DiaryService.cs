using System.Globalization;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Reference;
using ProtocolEngine.Engine.Scheduling;
using ProtocolEngine.Engine.Security;

namespace ProtocolEngine.Engine.Assessments;

/// <summary>
/// The protocol's daily diary: one entry a day (worst pain, analgesics as OMED) from the first
/// delivered fraction to <see cref="DiaryPlan.DaysAfterEnd"/> days after the last. A second entry
/// for a day replaces the first only with a reason.
/// </summary>
public sealed class DiaryService(TrialSession session, OmedTable omed)
{
    public DiaryEntry Add(string participantId, DateOnly date, int worstPain, IReadOnlyList<AnalgesicInput> analgesics, string? reason = null)
    {
        var plan = session.Protocol.Diary
            ?? throw new RecordRejectedException("protocol", "The protocol has no diary section; diary entries cannot be recorded.");
        var f = session.Protocol.Fractionation
            ?? throw new RecordRejectedException("protocol", "The protocol has no fractionation, so the diary has no window.");
        Guards.InRange(worstPain, 0, 10, "pain");
        Guards.NotInFuture(date, session.TodayFor(participantId), "date");
        var doses = AnalgesicDoses.Convert(omed, analgesics);
        return session.Write(Permission.RecordAssessment, w =>
        {
            var r = w.Reader;
            Guards.Randomized(r, participantId, date, "date");
            var site = Guards.Site(session.Protocol, Guards.Participant(r, participantId).SiteId);
            // An open course is projected from its last recorded session, not from the entry's date: the
            // diary closes N days after the projected last fraction however late the entry is made.
            var sessions = r.ForParticipant<FractionRecord>(participantId);
            var course = TreatmentCourse.From(sessions, f, site, sessions.Count == 0 ? date : sessions.Max(x => x.Date), TreatmentService.StopOf(r, participantId));
            if (course.Start is not { } first)
                throw new RecordRejectedException("date", course.Stop is { } stop
                    ? $"Radiotherapy of '{participantId}' stopped on {stop.Date:yyyy-MM-dd} before any fraction was delivered, so there is no diary to keep."
                    : $"The diary of '{participantId}' starts with the first delivered fraction, and none is recorded yet; record the fraction first.");
            if (date < first)
                throw new RecordRejectedException("date", $"{date:yyyy-MM-dd} is before the first fraction of '{participantId}' ({first:yyyy-MM-dd}); the diary starts with it.");
            if (course.EndOrProjected is { } last && date > last.AddDays(plan.DaysAfterEnd))
                throw new RecordRejectedException("date", $"{date:yyyy-MM-dd} is after the diary of '{participantId}' closed: {plan.DaysAfterEnd} days after the "
                    + $"{(course.End is null ? "projected " : "")}last fraction ({last:yyyy-MM-dd}), on {last.AddDays(plan.DaysAfterEnd):yyyy-MM-dd}.");
            var entry = new DiaryEntry
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"{participantId}-D{date:yyyyMMdd}"), ParticipantId = participantId, Date = date,
                WorstPain = worstPain, Analgesics = doses, OmedMg = AnalgesicDoses.TotalOmed(doses), ProtocolHash = session.ProtocolHash,
            };
            if (r.Find<DiaryEntry>(entry.Id) is not { } saved)
                return w.Create(entry, "diary-add");
            if (string.IsNullOrWhiteSpace(reason))
                throw new RecordRejectedException("reason", $"'{participantId}' already has a diary entry for {date:yyyy-MM-dd} (worst pain {saved.WorstPain}); "
                    + "a second entry for a day replaces it and needs a reason (--reason).");
            return w.Change(saved, entry, "diary-change", reason);
        });
    }

    public IReadOnlyList<DiaryEntry> ForParticipant(string participantId) => session.Read(Permission.ReadRecords, r =>
    {
        Guards.Participant(r, participantId);
        return r.ForParticipant<DiaryEntry>(participantId).OrderBy(d => d.Date).ToList();
    });
}
