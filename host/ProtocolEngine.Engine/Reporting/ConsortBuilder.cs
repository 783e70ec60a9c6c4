using ProtocolEngine.Engine.Endpoints;
using ProtocolEngine.Engine.FollowUp;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Loading;

namespace ProtocolEngine.Engine.Reporting;

/// <summary>Counts the CONSORT flow from the records; "analysed" comes from the pain relief rows at the time point.</summary>
internal static class ConsortBuilder
{
    public static ConsortFlow Build(Protocol protocol, ReportRecords records, PainReliefReport relief)
    {
        var notRandomized = records.LatestScreening.Values.Where(s => !records.ArmOf.ContainsKey(s.ParticipantId)).ToList();
        var ineligible = notRandomized.Where(s => s.Outcome.Status == ScreeningStatus.Ineligible).ToList();
        var criteria = protocol.Criteria.Inclusion.Concat(protocol.Criteria.Exclusion).ToList();
        var reasons = ineligible.SelectMany(s => s.Outcome.Verdicts.Where(Excludes).Select(v => v.CriterionId).Distinct())
            .GroupBy(id => id, StringComparer.Ordinal)
            .Select(g => new ReasonCount { Id = g.Key, Text = criteria.FirstOrDefault(c => c.Id == g.Key)?.Text ?? g.Key, Count = g.Count() })
            .OrderBy(r => criteria.FindIndex(c => c.Id == r.Id) is var i && i < 0 ? int.MaxValue : i).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        return new ConsortFlow
        {
            Registered = records.Registered,
            Screened = records.LatestScreening.Count,
            Ineligible = ineligible.Count,
            IneligibleReasons = reasons,
            ScreeningIncomplete = notRandomized.Count(s => s.Outcome.Status == ScreeningStatus.Incomplete),
            EligibleNotRandomized = notRandomized.Count(s => s.Outcome.Status == ScreeningStatus.Eligible),
            Randomized = records.ArmOf.Count,
            Arms = [.. protocol.Arms.Select(a => Arm(protocol, a.Id, records, relief))],
        };
    }

    private static bool Excludes(CriterionVerdict v) =>
        (v.Kind == CriterionKind.Inclusion && v.Verdict == Verdict.NotMet) || (v.Kind == CriterionKind.Exclusion && v.Verdict == Verdict.Met);

    private static ConsortArm Arm(Protocol protocol, string arm, ReportRecords records, PainReliefReport relief)
    {
        var ids = records.ArmOf.Where(kv => kv.Value == arm).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
        var planned = protocol.Fractionation?.Fractions ?? 0;
        var treated = ids.Count(id => records.Delivered.GetValueOrDefault(id) > 0);
        var stops = ids.Where(records.Stops.ContainsKey).Select(id => records.Stops[id]).ToList();
        var withdrawals = ids.Where(records.Withdrawals.ContainsKey).Select(id => records.Withdrawals[id]).ToList();
        var dropout = protocol.Criteria.Dropout.ToList();
        var timePoint = EndpointService.PainEndpoint(protocol).TimePoint;
        var atTimePoint = relief.Rows.Where(r => r.Arm == arm && r.Visit == timePoint).ToList();
        var firstOccurrence = atTimePoint.Count == 0 ? 0 : atTimePoint.Min(r => r.Occurrence);
        return new ConsortArm
        {
            Arm = arm,
            Randomized = ids.Count,
            Treated = treated,
            NotTreated = ids.Count - treated,
            CompletedCourse = planned == 0 ? 0 : ids.Count(id => records.Delivered.GetValueOrDefault(id) >= planned),
            StoppedEarly = stops.Count,
            StopReasons = [.. stops.GroupBy(s => s.Reason).OrderBy(g => g.Key)
                .Select(g => new ReasonCount { Id = Naming.EnumValue(g.Key.ToString()), Text = Naming.EnumValue(g.Key.ToString()).Replace('-', ' '), Count = g.Count() })],
            Assessed = Assessed(protocol, records, ids),
            Died = ids.Count(id => records.Vital.GetValueOrDefault(id)?.Status == VitalStatus.Died),
            LostToFollowUp = ids.Count(id => records.Vital.GetValueOrDefault(id)?.Status == VitalStatus.LostToFollowUp),
            Withdrawn = withdrawals.Count,
            WithdrawalReasons = [.. withdrawals.GroupBy(w => w.CriterionId, StringComparer.Ordinal)
                .OrderBy(g => dropout.FindIndex(c => c.Id == g.Key) is var i && i < 0 ? int.MaxValue : i)
                .Select(g => new ReasonCount { Id = g.Key, Text = dropout.FirstOrDefault(c => c.Id == g.Key)?.Text ?? g.Key, Count = g.Count() })],
            NotAssessable = relief.NotAssessable.GetValueOrDefault(arm),
            NotAssessableReason = relief.Assessable is { } rule ? $"baseline worst pain below {rule.MinBaselineWorstPain}" : "",
            Analysed = [.. atTimePoint.Where(r => r.Occurrence == firstOccurrence).Select(r => new SetCount
            {
                Set = r.Set, Label = protocol.Statistics.AnalysisSets.FirstOrDefault(s => s.Id == r.Set)?.Label ?? r.Set,
                Analysed = r.Denominator, Excluded = r.Excluded, OutsidePopulation = r.OutsidePopulation, Pending = r.Pending,
                ImputedNonResponders = r.ImputedNonResponders,
                ExcludedReasons = ExcludedReasons(protocol, r, relief.Assessable),
            })],
        };
    }

    /// <summary>Who the set leaves out of the denominator at the time point, by reason, as its rules say.</summary>
    private static IReadOnlyList<ReasonCount> ExcludedReasons(Protocol protocol, PainReliefRow row, PainAssessability? rule)
    {
        if (protocol.Statistics.AnalysisSets.FirstOrDefault(s => s.Id == row.Set) is not { } set)
            return [];
        var reasons = new (string Id, string Text, int Count, MissingOutcome Rule)[]
        {
            ("died", "died", row.Died, set.Death),
            ("lost-to-follow-up", "lost to follow-up", row.LostToFollowUp, set.LostToFollowUp),
            ("withdrawn", "withdrawn", row.Withdrawn, set.Withdrawn),
            ("missing-assessment", "no assessment", row.MissingAssessment, set.MissingAssessment),
            ("not-assessable", rule is null ? "not assessable" : $"not assessable (baseline worst pain below {rule.MinBaselineWorstPain})", row.NotAssessable, set.NotAssessable ?? set.MissingAssessment),
        };
        return [.. reasons.Where(r => r.Count > 0 && r.Rule == MissingOutcome.Excluded).Select(r => new ReasonCount { Id = r.Id, Text = r.Text, Count = r.Count })];
    }

    /// <summary>Participants of the arm with an assessment at each visit occurrence that anyone was assessed at.</summary>
    private static IReadOnlyList<VisitCount> Assessed(Protocol protocol, ReportRecords records, HashSet<string> ids)
    {
        var occurrences = records.Assessments.Where(a => records.ArmOf.ContainsKey(a.ParticipantId)).Select(a => (a.VisitId, a.Occurrence)).Distinct()
            .OrderBy(o => VisitNames.Order(protocol, o.VisitId, o.Occurrence)).ToList();
        var mine = records.Assessments.Where(a => ids.Contains(a.ParticipantId))
            .GroupBy(a => (a.VisitId, a.Occurrence)).ToDictionary(g => g.Key, g => g.Select(a => a.ParticipantId).Distinct(StringComparer.Ordinal).Count());
        return [.. occurrences.Select(o => new VisitCount
        {
            Visit = o.VisitId, Occurrence = o.Occurrence, Label = VisitNames.Short(protocol, o.VisitId, o.Occurrence), Count = mine.GetValueOrDefault(o),
        })];
    }
}
