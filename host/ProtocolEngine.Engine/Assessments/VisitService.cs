using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.FollowUp;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Storage;
using ProtocolEngine.Engine.Scheduling;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Engine.Roster;

namespace ProtocolEngine.Engine.Assessments;

/// <summary>Visit occurrences per participant and the list of visits due on a day.</summary>
public sealed class VisitService(TrialSession session)
{
    public IReadOnlyList<VisitOccurrence> ForParticipant(string participantId, DateOnly? asOf = null) =>
        session.Read(Permission.ReadRecords, r =>
        {
            var p = Guards.Participant(r, participantId);
            return Plan(r, p, asOf ?? session.TodayAt(p.SiteId));
        });

    /// <summary>
    /// Every occurrence that is due or overdue on <paramref name="date"/> (without one: on today at each participant's
    /// site). From the roster (<see cref="ParticipantRoster"/>) when it is current: the fixed open visits of each
    /// participant classified by the day, and only the participants whose dates are still projected planned from their
    /// records. Otherwise each collection the plan reads is streamed once in participant order
    /// (<see cref="ParticipantSlices"/>): one pass over the records, not a lookup per participant and collection.
    /// </summary>
    public IReadOnlyList<VisitOccurrence> Due(DateOnly? date = null) => session.Read(Permission.ReadRecords, r =>
    {
        var due = new List<VisitOccurrence>();
        if (new ParticipantRoster(session).Read(r) is { } roster)
        {
            foreach (var entry in roster)
            {
                var p = entry.Participant;
                if (p.Status is ParticipantStatus.Ineligible) continue;
                var day = date ?? session.TodayAt(p.SiteId);
                due.AddRange(entry.Live
                    ? Plan(r, p, day).Where(o => o.Status is VisitStatus.Due or VisitStatus.Overdue)
                    : entry.OpenOn(day).Where(o => o.Status is VisitStatus.Due or VisitStatus.Overdue));
            }
        }
        else
        {
            var slices = Slices(r);
            foreach (var p in r.Scan<Participant>())
            {
                var slice = slices.For(p.Id);
                if (p.Status is ParticipantStatus.Ineligible) continue;
                due.AddRange(Plan(slice, p, date ?? session.TodayAt(p.SiteId)).Where(o => o.Status is VisitStatus.Due or VisitStatus.Overdue));
            }
        }
        return (IReadOnlyList<VisitOccurrence>)[.. due.OrderBy(o => o.Target).ThenBy(o => o.ParticipantId, StringComparer.Ordinal)];
    });

    /// <summary>The collections a participant's plan (<see cref="Plan"/>) reads, streamed side by side in participant order.</summary>
    internal static ParticipantSlices Slices(IRecordReader r) => new ParticipantSlices()
        .With<ScreeningRecord>(r).With<RandomizationRecord>(r).With<FractionRecord>(r).With<TreatmentStop>(r)
        .With<Withdrawal>(r).With<VisitRecord>(r).With<VitalStatusRecord>(r);

    public VisitRecord MarkMissed(string participantId, string visitId, int occurrence, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new RecordRejectedException("reason", "Recording a missed visit needs a reason (--reason).");
        Visit(visitId);
        return session.Write(Permission.RecordAssessment, w =>
        {
            var participant = Guards.Participant(w.Reader, participantId);
            var today = session.TodayAt(participant.SiteId);
            var occ = Plan(w.Reader, participant, today)
                .FirstOrDefault(o => o.VisitId == visitId && o.Occurrence == occurrence)
                ?? throw new RecordRejectedException("visit", $"'{participantId}' has no visit '{visitId}' occurrence {occurrence} scheduled.");
            if (occ.Status is VisitStatus.Done or VisitStatus.Missed)
                throw new RecordRejectedException("visit", $"Visit '{visitId}' occurrence {occurrence} is already {Guards.Text(occ.Status)}.");
            if (occ.Status is VisitStatus.NotExpected)
                throw new RecordRejectedException("visit", $"Visit '{visitId}' occurrence {occurrence} is not expected: '{participantId}' "
                    + $"{(Guards.VitalStatus(w.Reader, participantId)?.Status == VitalStatus.Died ? "died" : "was lost to follow-up")} before its window closed.");
            return w.Create(new VisitRecord
            {
                Id = $"{participantId}-V-{visitId}-{occurrence}", ParticipantId = participantId, VisitId = visitId, Occurrence = occurrence,
                Date = today, Missed = true, ProtocolHash = session.ProtocolHash,
            }, "visit-missed", reason);
        });
    }

    internal IReadOnlyList<VisitOccurrence> Plan(IRecordReader r, Participant p, DateOnly asOf)
    {
        if (p.Status is ParticipantStatus.Ineligible) return [];
        var screening = r.ForParticipant<ScreeningRecord>(p.Id).Select(s => (DateOnly?)s.ScreenedOn).Min();
        var rand = r.ForParticipant<RandomizationRecord>(p.Id).FirstOrDefault();
        DateOnly? start = null, end = null;
        bool startProjected = false, endProjected = false;
        if (session.Protocol.Fractionation is { } f && session.Protocol.Sites.FirstOrDefault(s => s.Id == p.SiteId) is { } site)
        {
            var course = TreatmentService.CourseOf(r, f, site, p.Id, asOf);
            // A course stopped before its first fraction starts and ends on the stop date.
            start = course.Start ?? (course.Stop is not null ? course.End : null);
            end = course.EndOrProjected;
            endProjected = course.End is null;
            if (start is null && rand is not null)
            {
                // No fraction delivered yet (none recorded, or only missed ones): project the whole course from the
                // next treatment day after randomization, today and the last missed fraction, whichever is latest.
                var lastMissed = r.ForParticipant<FractionRecord>(p.Id).Select(x => (DateOnly?)x.Date).Max();
                var from = new[] { rand.RandomizedOn.AddDays(1), asOf, lastMissed?.AddDays(1) ?? asOf }.Max();
                var planned = FractionCalendar.Plan(from, f.Fractions, f, site);
                (start, end, startProjected) = (planned[0], planned[^1], true);
            }
        }
        var withdrawn = r.ForParticipant<Withdrawal>(p.Id).Select(w => (DateOnly?)w.Date).FirstOrDefault();
        var anchors = new VisitAnchors(screening, rand?.RandomizedOn, start, end, endProjected, startProjected);
        return VisitPlanner.Plan(p.Id, session.Protocol.Visits, anchors, r.ForParticipant<VisitRecord>(p.Id), asOf, withdrawn,
            Guards.VitalStatus(r, p.Id)?.FollowUpEnded);
    }

    internal Visit Visit(string visitId) => session.Protocol.Visits.FirstOrDefault(v => v.Id == visitId)
        ?? throw new RecordRejectedException("visit", $"'{visitId}' is not a visit of the protocol"
            + (Loading.Naming.Closest(visitId, session.Protocol.Visits.Select(v => v.Id)) is { } near ? $" (did you mean '{near}'?)" : "")
            + $"; visits: {string.Join(", ", session.Protocol.Visits.Select(v => v.Id))}.");
}
