using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Safety;

namespace ProtocolEngine.Engine.Reporting;

/// <summary>Adverse events of randomized participants by term: each participant once per term at the worst grade, per arm; Fisher's exact p.</summary>
internal static class AdverseEventBuilder
{
    public static AdverseEventTable Build(Protocol protocol, ReportRecords records, IStatisticsPlugin statistics)
    {
        var arms = protocol.Arms.Select(a => a.Id).ToList();
        var sizes = arms.ToDictionary(a => a, a => records.ArmOf.Values.Count(v => v == a), StringComparer.Ordinal);
        var randomized = records.AdverseEvents.Where(e => records.ArmOf.ContainsKey(e.ParticipantId)).ToList();
        var any = Row("Any adverse event", null, true, randomized, arms, records, sizes, protocol.Statistics, statistics);
        var terms = randomized.GroupBy(e => e.Term, StringComparer.Ordinal)
            .Select(g => Row(g.Key, g.First().MeddraCode, false, [.. g], arms, records, sizes, protocol.Statistics, statistics))
            .OrderByDescending(r => r.Arms.Sum(a => a.Participants)).ThenBy(r => r.Term, StringComparer.Ordinal);
        return new AdverseEventTable
        {
            Denominators = [.. arms.Select(a => new ArmCount { Arm = a, Count = sizes[a] })],
            Rows = records.ArmOf.Count == 0 ? [] : [any, .. terms],
            NotRandomizedEvents = records.AdverseEvents.Count - randomized.Count,
        };
    }

    private static AdverseEventRow Row(string term, long? code, bool isAny, IReadOnlyList<AdverseEvent> events, IReadOnlyList<string> arms,
        ReportRecords records, IReadOnlyDictionary<string, int> sizes, StatisticsPlan plan, IStatisticsPlugin statistics)
    {
        var worst = events.GroupBy(e => e.ParticipantId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(e => e.Grade), StringComparer.Ordinal);
        var perArm = arms.Select(arm =>
        {
            var grades = worst.Where(kv => records.ArmOf[kv.Key] == arm).Select(kv => kv.Value).ToList();
            return new ArmGrades
            {
                Arm = arm, Participants = grades.Count, Grade1 = grades.Count(g => g == 1), Grade2 = grades.Count(g => g == 2),
                Grade3 = grades.Count(g => g == 3), Grade4 = grades.Count(g => g == 4), Grade5 = grades.Count(g => g == 5),
            };
        }).ToList();
        double? p = null;
        if (sizes.GetValueOrDefault(plan.ExperimentalArm) > 0 && sizes.GetValueOrDefault(plan.ControlArm) > 0)
        {
            var e = perArm.First(a => a.Arm == plan.ExperimentalArm).Participants;
            var c = perArm.First(a => a.Arm == plan.ControlArm).Participants;
            p = statistics.FisherExactP(new TwoByTwoTable(e, sizes[plan.ExperimentalArm], c, sizes[plan.ControlArm]), FisherAlternative.TwoSided);
        }
        return new AdverseEventRow { Term = term, MeddraCode = code, Any = isAny, Arms = perArm, FisherP = p };
    }
}
