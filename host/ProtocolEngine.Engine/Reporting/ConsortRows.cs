namespace ProtocolEngine.Engine.Reporting;

/// <summary>The CONSORT flow as labelled rows with one value per arm, for the text and markdown tables.</summary>
public static class ConsortRows
{
    public static IReadOnlyList<(string Label, IReadOnlyList<string> Values)> Of(ConsortFlow flow)
    {
        var arms = flow.Arms;
        var rows = new List<(string, IReadOnlyList<string>)>
        {
            ("Allocated (randomized)", [.. arms.Select(a => a.Randomized.ToString())]),
            ("Radiotherapy started", [.. arms.Select(a => a.Treated.ToString())]),
            ("Not treated", [.. arms.Select(a => a.NotTreated.ToString())]),
            ("Completed the planned course", [.. arms.Select(a => a.CompletedCourse.ToString())]),
            ("Radiotherapy stopped early", [.. arms.Select(a => a.StoppedEarly.ToString())]),
            ("  reasons", [.. arms.Select(a => ReportFormat.Reasons(a.StopReasons))]),
        };
        var visits = arms.SelectMany(a => a.Assessed).Select(v => (v.Visit, v.Occurrence, v.Label)).Distinct().ToList();
        foreach (var v in visits)
            rows.Add(($"Assessed at {v.Label}", [.. arms.Select(a => (a.Assessed.FirstOrDefault(x => x.Visit == v.Visit && x.Occurrence == v.Occurrence)?.Count ?? 0).ToString())]));
        rows.Add(("Died", [.. arms.Select(a => a.Died.ToString())]));
        rows.Add(("Lost to follow-up", [.. arms.Select(a => a.LostToFollowUp.ToString())]));
        rows.Add(("Withdrawn", [.. arms.Select(a => a.Withdrawn.ToString())]));
        rows.Add(("  reasons", [.. arms.Select(a => ReportFormat.Reasons(a.WithdrawalReasons))]));
        if (arms.FirstOrDefault(a => a.NotAssessableReason.Length > 0) is { } withRule)
            rows.Add(($"Not assessable for response ({withRule.NotAssessableReason})", [.. arms.Select(a => a.NotAssessable.ToString())]));
        var sets = arms.SelectMany(a => a.Analysed).Select(s => (s.Set, s.Label)).Distinct().ToList();
        foreach (var s in sets)
        {
            rows.Add(($"Analysed, {s.Label}", [.. arms.Select(a => a.Analysed.FirstOrDefault(x => x.Set == s.Set) is { } c
                ? $"{c.Analysed}" + (c.Excluded + c.OutsidePopulation + c.Pending > 0 ? $" (excluded {c.Excluded}, outside {c.OutsidePopulation}, pending {c.Pending})" : "")
                : "0")]));
            rows.Add(("  excluded: reasons", [.. arms.Select(a => a.Analysed.FirstOrDefault(x => x.Set == s.Set) is { } c ? ReportFormat.Reasons(c.ExcludedReasons) : "")]));
        }
        return rows;
    }
}
