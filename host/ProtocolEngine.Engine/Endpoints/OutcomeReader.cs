using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Assessments;
using ProtocolEngine.Engine.FollowUp;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Engine.Scheduling;
using ProtocolEngine.Engine.Storage;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Endpoints;

/// <summary>
/// Reads, in one store read, every randomized participant's outcome at each assessment visit of an
/// endpoint: classified by the plugin against the baseline assessment when assessed, else why not
/// (died, lost or withdrawn by the end of the visit's window, window still open, or missing).
/// </summary>
internal sealed class OutcomeReader(TrialSession session, IPainResponsePlugin plugin, Endpoint endpoint, string baseline)
{
    public IReadOnlyList<ParticipantOutcomes> Read(IRecordReader r, DateOnly asOf)
    {
        var assessments = r.Scan<Assessment>().ToLookup(a => a.ParticipantId, StringComparer.Ordinal);
        var diary = r.Scan<DiaryEntry>().ToLookup(d => d.ParticipantId, StringComparer.Ordinal);
        var delivered = r.Scan<FractionRecord>().Where(f => f.Status == FractionStatus.Delivered)
            .GroupBy(f => f.ParticipantId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var vital = r.Scan<VitalStatusRecord>().ToDictionary(v => v.ParticipantId, StringComparer.Ordinal);
        var withdrawn = r.Scan<Withdrawal>().GroupBy(w => w.ParticipantId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(w => w.Date), StringComparer.Ordinal);
        var visits = new VisitService(session);
        var result = new List<ParticipantOutcomes>();
        foreach (var rand in r.Scan<RandomizationRecord>().ToList())
        {
            var pid = rand.ParticipantId;
            var participant = r.Find<Participant>(pid) ?? throw new InvalidOperationException($"randomization '{rand.Id}' names participant '{pid}', who is not in the database.");
            var mine = assessments[pid].ToList();
            var start = mine.Where(a => a.VisitId == baseline).OrderBy(a => a.Occurrence).ThenBy(a => a.Date).FirstOrDefault();
            var baseObs = start is null ? null : new PainObservation(start.WorstPain, start.OmedMg);
            var ended = Ended(vital.GetValueOrDefault(pid), withdrawn.TryGetValue(pid, out var w) ? w : null);
            var plan = visits.Plan(r, participant, asOf);
            var outcomes = new List<VisitOutcome>();
            foreach (var occ in plan.Where(o => o.VisitId != baseline && endpoint.Visits.Contains(o.VisitId)))
            {
                var done = mine.FirstOrDefault(a => a.VisitId == occ.VisitId && a.Occurrence == occ.Occurrence);
                if (done is not null && baseObs is not null)
                {
                    var c = plugin.Classify(new PainResponseRequest(baseObs, new PainObservation(done.WorstPain, done.OmedMg)));
                    outcomes.Add(new(occ.VisitId, occ.Occurrence, Standing.Assessed, c.Category));
                }
                else if (done is null && ended is { } e && e.Date <= occ.WindowEnd)
                    outcomes.Add(new(occ.VisitId, occ.Occurrence, e.Standing, null));
                else if (done is null && occ.Status is VisitStatus.Upcoming or VisitStatus.Due)
                    outcomes.Add(new(occ.VisitId, occ.Occurrence, Standing.Pending, null));
                else
                    outcomes.Add(new(occ.VisitId, occ.Occurrence, Standing.MissingAssessment, null)); // missed, overdue, or no baseline to compare with
            }
            PainFlareOutcome? flare = null;
            var days = diary[pid].OrderBy(d => d.Date).Select(d => new PainDiaryDay(d.Date, d.WorstPain, d.OmedMg)).ToList();
            if (baseObs is not null && days.Count > 0)
                flare = plugin.AssessFlare(new PainFlareRequest(baseObs, days)).Outcome;
            result.Add(new(pid, rand.ArmId, delivered.GetValueOrDefault(pid), outcomes, flare));
        }
        return result;
    }

    /// <summary>The earliest of death, loss to follow-up and withdrawal, with its standing.</summary>
    private static (DateOnly Date, Standing Standing)? Ended(VitalStatusRecord? vital, DateOnly? withdrawn)
    {
        var ends = new List<(DateOnly Date, Standing Standing)>();
        if (vital is { Status: VitalStatus.Died }) ends.Add((vital.Date, Standing.Died));
        if (vital is { Status: VitalStatus.LostToFollowUp }) ends.Add((vital.Date, Standing.LostToFollowUp));
        if (withdrawn is { } w) ends.Add((w, Standing.Withdrawn));
        return ends.Count == 0 ? null : ends.MinBy(e => e.Date);
    }
}
