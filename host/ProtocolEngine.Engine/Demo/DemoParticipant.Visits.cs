using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Assessments;
using ProtocolEngine.Engine.FollowUp;
using ProtocolEngine.Engine.Safety;
using ProtocolEngine.Engine.Reference;
using ProtocolEngine.Engine.Scheduling;

namespace ProtocolEngine.Engine.Demo;

internal sealed partial class DemoParticipant
{
    private const double MissedVisitRate = 0.05;
    private const double OpenVisitRate = 0.03;
    private const double ContactRate = 0.3;

    /// <summary>
    /// Each visit attended near its target (5% missed, 3% left open): pain and analgesics (baseline
    /// values before radiotherapy, the response after it), imaging of the treated levels (no
    /// finding, or the late effect once it began), and now and then a contact recorded as alive.
    /// </summary>
    private void Visits(IReadOnlyList<VisitOccurrence> occurrences, IReadOnlyList<DemoSafety.LateEffect> late)
    {
        foreach (var occ in occurrences)
        {
            var visit = Protocol.Visits.First(v => v.Id == occ.VisitId);
            var roll = Random.NextDouble();
            if (roll < MissedVisitRate)
            {
                Add(occ.WindowEnd.AddDays(1), () => new VisitService(context.Coordinator).MarkMissed(id, occ.VisitId, occ.Occurrence, "participant did not attend"));
                continue;
            }
            if (roll < MissedVisitRate + OpenVisitRate) continue; // left open: shows as overdue
            var date = occ.Target.AddDays(Random.Next(-Math.Min(visit.Window.BeforeDays, 3), Math.Min(visit.Window.AfterDays, 3) + 1));
            if (date < randomized) date = randomized;
            var followUp = visit.Anchor == VisitAnchor.RadiotherapyEnd;
            var (worst, dose) = followUp ? pain.FollowUp(Random) : (pain.Baseline, pain.Dose);
            var occurrence = occ.Occurrence;
            if (visit.Collect.Contains("pain") || visit.Collect.Count == 0)
                Add(date, () => new AssessmentService(context.Coordinator, OmedTable.Default).Record(id, occ.VisitId, occurrence, date, worst, pain.Analgesics(dose)));
            if (visit.Collect.Contains("imaging"))
                Add(date, () => new ImagingService(context.Investigator).Add(id, Imaging(date, late)));
            if (followUp && Random.NextDouble() < ContactRate)
                Add(date, () => new VitalStatusService(context.Coordinator).Set(id, VitalStatus.Alive, date, null, null));
        }
    }

    /// <summary>Imaging of the treated levels: the late effect once it began, else no finding at the first treated level.</summary>
    private ImagingInput Imaging(DateOnly date, IReadOnlyList<DemoSafety.LateEffect> late) =>
        late.Where(e => e.Onset <= date).MinBy(e => e.Onset) is { } effect
            ? Finding(effect, date)
            : new ImagingInput { Date = date, Modality = ImagingModality.Ct, Finding = FindingKind.NoFinding, Level = _levels[0] };
}
