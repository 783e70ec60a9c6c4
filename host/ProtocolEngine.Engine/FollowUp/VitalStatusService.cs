using ProtocolEngine.Engine.Assessments;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Engine.Safety;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Storage;
using ProtocolEngine.Engine.Security;

namespace ProtocolEngine.Engine.FollowUp;

/// <summary>
/// Vital and follow-up status of a randomized participant. <c>alive</c> records a date of last
/// contact; <c>died</c> and <c>lost-to-follow-up</c> end follow-up (remaining visits become
/// not-expected). Undoing a death or a loss, or changing its date, is a correction and needs a
/// reason. A death refuses to hide clinical data already recorded after it, and ends a course still
/// under way (the course reads the death as its stop, so a corrected death corrects the course too).
/// </summary>
public sealed class VitalStatusService(TrialSession session)
{
    public VitalStatusRecord Set(string participantId, VitalStatus status, DateOnly date, DeathCause? cause, string? reason)
    {
        Guards.NotInFuture(date, session.TodayFor(participantId), "date");
        if (cause is not null && status != VitalStatus.Died)
            throw new RecordRejectedException("cause", $"A cause is recorded with a death only, not with status {Guards.Text(status)}.");
        return session.Write(Permission.RecordAssessment, w =>
        {
            var r = w.Reader;
            var p = Guards.Participant(r, participantId);
            var rand = r.ForParticipant<RandomizationRecord>(participantId).SingleOrDefault()
                ?? throw new RecordRejectedException("participant", $"Participant '{participantId}' is not randomized (status {Guards.Text(p.Status)}); follow-up status is kept for randomized participants.");
            if (date < rand.RandomizedOn)
                throw new RecordRejectedException("date", $"{date:yyyy-MM-dd} is before the randomization of '{participantId}' on {rand.RandomizedOn:yyyy-MM-dd}.");
            var saved = Guards.VitalStatus(r, participantId);
            var lastData = LatestClinicalDate(r, participantId);
            if (status != VitalStatus.Alive && lastData is { } latest && latest.Date > date)
                throw new RecordRejectedException("date", $"{date:yyyy-MM-dd} is before {latest.What} of '{participantId}' dated {latest.Date:yyyy-MM-dd}; "
                    + $"a participant {(status == VitalStatus.Died ? "who died" : "lost to follow-up")} on {date:yyyy-MM-dd} has no data after it. Check the date, or correct that record first.");
            var updated = new VitalStatusRecord
            {
                Id = Guards.VitalStatusId(participantId), ParticipantId = participantId, Status = status, Date = date, Cause = cause,
                LastContact = status switch
                {
                    VitalStatus.Died => date,
                    VitalStatus.Alive => date,
                    _ => new[] { saved?.LastContact ?? rand.RandomizedOn, lastData?.Date ?? rand.RandomizedOn, rand.RandomizedOn }.Max(),
                },
                ProtocolHash = session.ProtocolHash,
            };
            if (status == VitalStatus.LostToFollowUp && updated.LastContact > date)
                throw new RecordRejectedException("date", $"{date:yyyy-MM-dd} is before the last contact with '{participantId}' on {updated.LastContact:yyyy-MM-dd}; lost to follow-up dates from after it.");
            var record = saved is null
                ? w.Create(updated, "vital-status", reason)
                : w.Change(saved, updated, "vital-status", ChangeReason(saved, updated, reason));
            return record;
        });
    }

    public VitalStatusRecord? Get(string participantId) => session.Read(Permission.ReadRecords, r =>
    {
        Guards.Participant(r, participantId);
        return Guards.VitalStatus(r, participantId);
    });

    /// <summary>
    /// The reason a saved status changes: a new contact, a death or a loss is news and explains itself;
    /// undoing a death or a loss, or moving its date, corrects an earlier entry and needs the user's reason.
    /// </summary>
    private static string ChangeReason(VitalStatusRecord saved, VitalStatusRecord updated, string? reason)
    {
        if (!string.IsNullOrWhiteSpace(reason)) return reason;
        var news = (saved.Status, updated.Status) switch
        {
            (VitalStatus.Alive, VitalStatus.Alive) when updated.Date >= saved.Date => "contact",
            (VitalStatus.Alive, VitalStatus.Died or VitalStatus.LostToFollowUp) when updated.Date >= saved.LastContact => Guards.Text(updated.Status),
            (VitalStatus.LostToFollowUp, VitalStatus.Died) when updated.Date >= saved.Date => "death reported after loss to follow-up",
            _ => null,
        };
        return news ?? throw new RecordRejectedException("reason",
            $"'{saved.ParticipantId}' is recorded as {Guards.Text(saved.Status)} on {saved.Date:yyyy-MM-dd}; setting {Guards.Text(updated.Status)} on {updated.Date:yyyy-MM-dd} corrects that entry and needs a reason (--reason).");
    }

    /// <summary>The latest dated clinical record of a participant (what a death or a loss cannot precede).</summary>
    private static (DateOnly Date, string What)? LatestClinicalDate(IRecordReader r, string participantId)
    {
        IEnumerable<(DateOnly Date, string What)> dated =
        [
            .. r.ForParticipant<FractionRecord>(participantId).Select(x => (x.Date, $"fraction {x.Sequence}")),
            .. r.ForParticipant<Assessment>(participantId).Select(x => (x.Date, $"the {x.VisitId} assessment")),
            .. r.ForParticipant<VisitRecord>(participantId).Where(x => !x.Missed).Select(x => (x.Date, $"the {x.VisitId} visit")),
            .. r.ForParticipant<DiaryEntry>(participantId).Select(x => (x.Date, "a diary entry")),
            .. r.ForParticipant<AdverseEvent>(participantId).Select(x => (x.Resolved ?? x.Onset, $"adverse event {x.Id}")),
            .. r.ForParticipant<ImagingFinding>(participantId).Select(x => (x.Date, $"imaging {x.Id}")),
            .. r.ForParticipant<TreatmentStop>(participantId).Select(x => (x.Date, "the radiotherapy stop")),
        ];
        return dated.Select(x => ((DateOnly Date, string What)?)x).MaxBy(x => x!.Value.Date);
    }
}
