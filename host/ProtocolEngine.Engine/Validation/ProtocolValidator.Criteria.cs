using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Validation;

public sealed partial class ProtocolValidator
{
    private static void CheckCriteria(Run run)
    {
        var criteria = run.Protocol.Criteria;
        if (criteria.Inclusion.Count == 0 && criteria.Exclusion.Count == 0 && run.Clean(criteria))
            run.Error(DiagnosticCodes.EmptySection, criteria, "criteria has no inclusion and no exclusion criteria; a trial needs at least one.");

        var all = Flatten(criteria.Inclusion).Concat(Flatten(criteria.Exclusion)).Concat(Flatten(criteria.Dropout)).ToList();
        run.Unique(all, c => c.Id, "criterion");
        foreach (var criterion in all.Where(run.Clean))
        {
            var hasParts = criterion.Parts is { Count: > 0 };
            if (criterion.Rule is null && !hasParts)
                run.Error(DiagnosticCodes.CriterionShape, criterion, nameof(Criterion.Id), $"criterion '{criterion.Id}' has neither a rule nor parts; give it 'rule: <C# expression>' or 'parts:'.");
            else if (criterion.Rule is not null && hasParts)
                run.Error(DiagnosticCodes.CriterionShape, criterion, nameof(Criterion.Rule), $"criterion '{criterion.Id}' has both a rule and parts; its verdict comes from one of them: drop the rule or the parts.");
        }
    }

    /// <summary>A criterion list with every part after its parent, depth first.</summary>
    internal static IEnumerable<Criterion> Flatten(IEnumerable<Criterion> criteria)
    {
        foreach (var c in criteria)
        {
            yield return c;
            foreach (var part in Flatten(c.Parts ?? []))
                yield return part;
        }
    }
}
