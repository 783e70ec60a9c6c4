using ProtocolEngine.Engine.Rules;

namespace ProtocolEngine.Engine.Screening;

/// <summary>
/// The inclusion and exclusion criteria as a tree of rules and parts, and how the verdicts of its rules
/// combine into criteria and a status. Both screeners use it, so a verdict means the same wherever the
/// rules ran.
/// </summary>
internal sealed class CriteriaTree
{
    public CriteriaTree(RulePlan plan)
    {
        var criteria = plan.Protocol.Criteria;
        ScreeningNode Node(Model.Criterion c, CriterionKind kind) =>
            new(c, kind, plan.RuleOf(c)?.Index ?? -1, [.. (c.Parts ?? []).Select(p => Node(p, kind))], c.Combine);
        Nodes = [.. criteria.Inclusion.Select(c => Node(c, CriterionKind.Inclusion)), .. criteria.Exclusion.Select(c => Node(c, CriterionKind.Exclusion))];
        var rules = new List<int>();
        void Collect(ScreeningNode n)
        {
            if (n.Rule >= 0) rules.Add(n.Rule);
            foreach (var p in n.Parts) Collect(p);
        }
        foreach (var n in Nodes) Collect(n);
        Rules = [.. rules];
    }

    public ScreeningNode[] Nodes { get; }

    /// <summary>The rules a screening runs (drop-out rules are not among them), in the order the criteria list them.</summary>
    public int[] Rules { get; }

    /// <summary>The full result from each rule's outcome (indexed by rule).</summary>
    public ScreeningResult Combine(IReadOnlyList<RuleOutcome> outcomes)
    {
        var results = new List<CriterionResult>(Nodes.Length);
        var status = ScreeningStatus.Eligible;
        foreach (var node in Nodes)
        {
            var result = Describe(node, outcomes);
            results.Add(result);
            status = ThreeValued.Fold(status, node.Kind, result.Verdict);
        }
        return new ScreeningResult(status, results);
    }

    private static CriterionResult Describe(ScreeningNode node, IReadOnlyList<RuleOutcome> outcomes)
    {
        if (node.Rule >= 0)
        {
            var o = outcomes[node.Rule];
            return new CriterionResult(node.Criterion.Id, node.Kind, o.Verdict, o.Verdict == Verdict.Unknown ? o.Missing : [], o.Verdict == Verdict.Error ? o.Message : null, []);
        }
        var parts = node.Parts.Select(p => Describe(p, outcomes)).ToList();
        var verdicts = parts.Select(p => p.Verdict).ToArray();
        var combined = node.Combine == Model.Combine.All ? ThreeValued.All(verdicts) : ThreeValued.Any(verdicts);
        var missing = combined == Verdict.Unknown
            ? parts.Where(p => p.Verdict == Verdict.Unknown).SelectMany(p => p.Missing).Distinct(StringComparer.Ordinal).ToList()
            : [];
        var message = combined == Verdict.Error
            ? string.Join("; ", parts.Where(p => p.Verdict == Verdict.Error).Select(p => $"{p.Id}: {p.Message}"))
            : null;
        return new CriterionResult(node.Criterion.Id, node.Kind, combined, missing, message, parts);
    }
}
