using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Assessments;
using ProtocolEngine.Engine.FollowUp;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Engine.Scheduling;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Storage;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Endpoints;

/// <summary>
/// Reads, in one store read and one pass over each collection (streamed side by side in participant order, never a
/// lookup per participant), every randomized participant's outcome at each assessment visit of an endpoint: classified
/// by the plugin against the baseline assessment when assessed; not assessable when the baseline is below the endpoint's
/// minimum worst pain; else why not (died, lost or withdrawn by the end of the visit's window, window still open, or
/// missing).
/// </summary>
internal sealed class OutcomeReader(TrialSession session, IPainResponsePlugin plugin, Endpoint endpoint, string baseline)
{
    /// <summary>The collections the outcomes (and the visit plan behind them) read.</summary>
    public static ParticipantSlices Streamed(IRecordReader r) => new ParticipantSlices()
        .With<ScreeningRecord>(r).With<RandomizationRecord>(r).With<FractionRecord>(r).With<TreatmentStop>(r)
        .With<Withdrawal>(r).With<VisitRecord>(r).With<VitalStatusRecord>(r).With<Assessment>(r).With<DiaryEntry>(r);

    public IReadOnlyList<ParticipantOutcomes> Read(IRecordReader r, DateOnly asOf, IParticipantPass? also = null)
    {
        var slices = Streamed(r);
        also?.Stream(slices, r);
        var visits = new VisitService(session);
        var result = new List<ParticipantOutcomes>();
        foreach (var participant in r.Scan<Participant>())
        {
            var slice = slices.For(participant.Id);
            also?.Take(participant, slice);
            if (slice.ForParticipant<RandomizationRecord>(participant.Id).FirstOrDefault() is { } rand)
                result.Add(Outcomes(slice, visits, participant, rand, asOf));
        }
        return result;
    }

    private ParticipantOutcomes Outcomes(IRecordReader slice, VisitService visits, Participant participant, RandomizationRecord rand, DateOnly asOf)
    {
        var pid = participant.Id;
        var mine = slice.ForParticipant<Assessment>(pid);
        var start = mine.Where(a => a.VisitId == baseline).OrderBy(a => a.Occurrence).ThenBy(a => a.Date).FirstOrDefault();
        var baseObs = start is null ? null : new PainObservation(start.WorstPain, start.OmedMg);
        var notAssessable = baseObs is not null && endpoint.Assessable is { } rule && baseObs.WorstPain < rule.MinBaselineWorstPain;
        var ended = Ended(slice.ForParticipant<VitalStatusRecord>(pid).FirstOrDefault(),
            slice.ForParticipant<Withdrawal>(pid).Select(w => (DateOnly?)w.Date).Min());
        var outcomes = new List<VisitOutcome>();
        foreach (var occ in visits.Plan(slice, participant, asOf).Where(o => o.VisitId != baseline && endpoint.Visits.Contains(o.VisitId)))
        {
            var done = mine.FirstOrDefault(a => a.VisitId == occ.VisitId && a.Occurrence == occ.Occurrence);
            if (done is null && (ended is null || ended.Value.Date > occ.WindowEnd) && occ.Status is VisitStatus.Upcoming or VisitStatus.Due)
                outcomes.Add(new(occ.VisitId, occ.Occurrence, Standing.Pending, null));
            else if (notAssessable)
                outcomes.Add(new(occ.VisitId, occ.Occurrence, Standing.NotAssessable, null)); // baseline pain too low to show a response
            else if (done is not null && baseObs is not null)
            {
                var c = plugin.Classify(new PainResponseRequest(baseObs, new PainObservation(done.WorstPain, done.OmedMg)));
                outcomes.Add(new(occ.VisitId, occ.Occurrence, Standing.Assessed, c.Category));
            }
            else if (done is null && ended is { } e && e.Date <= occ.WindowEnd)
                outcomes.Add(new(occ.VisitId, occ.Occurrence, e.Standing, null));
            else
                outcomes.Add(new(occ.VisitId, occ.Occurrence, Standing.MissingAssessment, null)); // missed, overdue, or no baseline to compare with
        }
        PainFlareOutcome? flare = null;
        var days = slice.ForParticipant<DiaryEntry>(pid).OrderBy(d => d.Date).Select(d => new PainDiaryDay(d.Date, d.WorstPain, d.OmedMg)).ToList();
        if (baseObs is not null && days.Count > 0)
            flare = plugin.AssessFlare(new PainFlareRequest(baseObs, days)).Outcome;
        var delivered = slice.ForParticipant<FractionRecord>(pid).Count(f => f.Status == FractionStatus.Delivered);
        return new(pid, rand.ArmId, delivered, outcomes, flare) { BaselineWorstPain = baseObs?.WorstPain, NotAssessable = notAssessable };
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
