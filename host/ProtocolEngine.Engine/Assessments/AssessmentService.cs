using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Reference;
using ProtocolEngine.Engine.Scheduling;
using ProtocolEngine.Engine.Security;

namespace ProtocolEngine.Engine.Assessments;

/// <summary>Records worst pain (NRS 0-10) and analgesics (as OMED) at a scheduled visit; the visit becomes done.</summary>
public sealed class AssessmentService(TrialSession session, OmedTable omed)
{
    public Assessment Record(string participantId, string visitId, int? occurrence, DateOnly date, int worstPain, IReadOnlyList<AnalgesicInput> analgesics)
    {
        Guards.InRange(worstPain, 0, 10, "pain");
        Guards.NotInFuture(date, session.TodayFor(participantId), "date");
        var doses = AnalgesicDoses.Convert(omed, analgesics);
        var visits = new VisitService(session);
        var visit = visits.Visit(visitId);
        return session.Write(Permission.RecordAssessment, w =>
        {
            var r = w.Reader;
            var p = Guards.Participant(r, participantId);
            if (visit.Anchor == VisitAnchor.Screening)
            {
                if (p.Status is ParticipantStatus.Ineligible or ParticipantStatus.Withdrawn)
                    throw new RecordRejectedException("participant", $"Participant '{participantId}' is {Guards.Text(p.Status)}.");
            }
            else Guards.Randomized(r, participantId, date, "date");
            var candidates = visits.Plan(r, p, date).Where(o => o.VisitId == visitId).ToList();
            var occ = occurrence is { } n
                ? candidates.FirstOrDefault(o => o.Occurrence == n) ?? throw new RecordRejectedException("occurrence", $"Visit '{visitId}' has no occurrence {n} scheduled for '{participantId}'.")
                : candidates.Where(o => o.Status is not (VisitStatus.Done or VisitStatus.Missed)).MinBy(o => Math.Abs(o.Target.DayNumber - date.DayNumber))
                  ?? throw new RecordRejectedException("visit", $"'{participantId}' has no open occurrence of visit '{visitId}' (its anchor date may not be known yet).");
            if (occ.Projected && (visit.Anchor == VisitAnchor.RadiotherapyEnd || VisitTiming.NominalDays(visit) > 0))
                throw new RecordRejectedException("visit", $"Visit '{visitId}' is timed from radiotherapy {(visit.Anchor == VisitAnchor.RadiotherapyEnd ? "end" : "start")}, which '{participantId}' has not reached yet.");
            if (occ.Status is VisitStatus.Done or VisitStatus.Missed)
                throw new RecordRejectedException("visit", $"Visit '{visitId}' occurrence {occ.Occurrence} of '{participantId}' is already {Guards.Text(occ.Status)}.");
            var assessment = w.Create(new Assessment
            {
                Id = $"{participantId}-A-{visitId}-{occ.Occurrence}", ParticipantId = participantId, VisitId = visitId, Occurrence = occ.Occurrence,
                Date = date, WorstPain = worstPain, Analgesics = doses, OmedMg = AnalgesicDoses.TotalOmed(doses), ProtocolHash = session.ProtocolHash,
            }, "assess");
            w.Create(new VisitRecord
            {
                Id = $"{participantId}-V-{visitId}-{occ.Occurrence}", ParticipantId = participantId, VisitId = visitId, Occurrence = occ.Occurrence,
                Date = date, ProtocolHash = session.ProtocolHash,
            }, "visit-done");
            return assessment;
        });
    }
}
