using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Endpoints;

/// <summary>Counts outcomes into rows: one per analysis set, visit occurrence and arm.</summary>
internal static class RateTable
{
    public static PainReliefRow Row(AnalysisSet set, string visitId, int occurrence, string arm, IEnumerable<ParticipantOutcomes> all, int plannedFractions)
    {
        var ofArm = all.Where(p => p.ArmId == arm).ToList();
        var inSet = ofArm.Where(p => p.In(set.Population, plannedFractions)).ToList();
        var at = inSet.Select(p => p.Visits.FirstOrDefault(v => v.VisitId == visitId && v.Occurrence == occurrence)).ToList();
        int Category(PainResponseCategory c) => at.Count(v => v is { Standing: Standing.Assessed } && v.Category == c);
        int Of(Standing s) => at.Count(v => v?.Standing == s);
        var (cr, pr, ind, prog) = (Category(PainResponseCategory.CompleteResponse), Category(PainResponseCategory.PartialResponse),
            Category(PainResponseCategory.Indeterminate), Category(PainResponseCategory.Progression));
        var missing = new[]
        {
            (Of(Standing.Died), set.Death), (Of(Standing.LostToFollowUp), set.LostToFollowUp), (Of(Standing.Withdrawn), set.Withdrawn),
            (Of(Standing.MissingAssessment), set.MissingAssessment), (Of(Standing.NotAssessable), set.NotAssessable ?? set.MissingAssessment),
        };
        var imputed = missing.Where(m => m.Item2 == MissingOutcome.NonResponder).Sum(m => m.Item1);
        var excluded = missing.Where(m => m.Item2 == MissingOutcome.Excluded).Sum(m => m.Item1);
        var denominator = cr + pr + ind + prog + imputed;
        return new PainReliefRow
        {
            Set = set.Id, Visit = visitId, Occurrence = occurrence, Arm = arm,
            Responders = cr + pr, Denominator = denominator, Rate = denominator == 0 ? null : (double)(cr + pr) / denominator,
            CompleteResponse = cr, PartialResponse = pr, Indeterminate = ind, Progression = prog,
            Died = missing[0].Item1, LostToFollowUp = missing[1].Item1, Withdrawn = missing[2].Item1, MissingAssessment = missing[3].Item1,
            NotAssessable = missing[4].Item1,
            ImputedNonResponders = imputed, Excluded = excluded,
            // A participant whose plan has no such occurrence (it ends before it) has not reached it.
            Pending = Of(Standing.Pending) + at.Count(v => v is null),
            OutsidePopulation = ofArm.Count - inSet.Count,
        };
    }

    public static FlareCount Flares(string arm, IEnumerable<ParticipantOutcomes> all)
    {
        var ofArm = all.Where(p => p.ArmId == arm).ToList();
        return new FlareCount
        {
            Arm = arm,
            Assessed = ofArm.Count(p => p.Flare is not null),
            Flares = ofArm.Count(p => p.Flare == PainFlareOutcome.Flare),
            Progressions = ofArm.Count(p => p.Flare == PainFlareOutcome.Progression),
            NoFlare = ofArm.Count(p => p.Flare == PainFlareOutcome.None),
            NotAssessed = ofArm.Count(p => p.Flare is null),
        };
    }
}
