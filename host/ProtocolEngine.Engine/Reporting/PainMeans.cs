using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Reporting;

/// <summary>Mean and standard deviation of worst pain per visit occurrence and arm, over randomized participants assessed there.</summary>
internal static class PainMeans
{
    public static IReadOnlyList<PainVisitMean> Build(Protocol protocol, ReportRecords records)
    {
        // One assessment per participant and occurrence (the first recorded, should there be two).
        var assessed = records.Assessments.Where(a => records.ArmOf.ContainsKey(a.ParticipantId))
            .GroupBy(a => (a.ParticipantId, a.VisitId, a.Occurrence)).Select(g => g.OrderBy(a => a.Date).First()).ToList();
        var occurrences = assessed.Select(a => (a.VisitId, a.Occurrence)).Distinct().OrderBy(o => VisitNames.Order(protocol, o.VisitId, o.Occurrence)).ToList();
        var groups = assessed.ToLookup(a => (a.VisitId, a.Occurrence, Arm: records.ArmOf[a.ParticipantId]));
        return [.. from o in occurrences
                   from arm in protocol.Arms
                   let pains = groups[(o.VisitId, o.Occurrence, arm.Id)].Select(a => (double)a.WorstPain).ToList()
                   select new PainVisitMean
                   {
                       Visit = o.VisitId, Occurrence = o.Occurrence, Label = VisitNames.Short(protocol, o.VisitId, o.Occurrence), Arm = arm.Id,
                       N = pains.Count, Mean = pains.Count == 0 ? null : pains.Average(), Sd = Sd(pains),
                   }];
    }

    private static double? Sd(IReadOnlyList<double> values)
    {
        if (values.Count < 2) return null;
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
