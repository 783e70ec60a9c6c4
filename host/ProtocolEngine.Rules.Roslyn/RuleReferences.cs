using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Rules;

namespace ProtocolEngine.Rules.Roslyn;

/// <summary>
/// Which variables each rule reads, found on the semantic model (a name that binds to a member of
/// the participant class), following derived fields to the variables they read in turn. The
/// screener names these as missing when a rule comes out unknown.
/// </summary>
internal static class RuleReferences
{
    public static IReadOnlyList<IReadOnlyList<int>> Compute(SemanticModel model, SyntaxNode root, GeneratedSource source, RulePlan plan)
    {
        var variableIndex = plan.Variables.Select((v, i) => (v.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var derivedIds = plan.Derived.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);

        // Direct names per owner (rule criterion or derived field).
        var direct = new Dictionary<object, HashSet<string>>(ReferenceEqualityComparer.Instance);
        foreach (var segment in source.Segments.Where(s => s.Owner is not null))
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            var span = new Microsoft.CodeAnalysis.Text.TextSpan(segment.Start, segment.Length);
            foreach (var id in root.DescendantNodes(span).OfType<IdentifierNameSyntax>().Where(n => span.Contains(n.Span)))
            {
                if (model.GetSymbolInfo(id).Symbol is IPropertySymbol { ContainingType.Name: GeneratedSource.ParticipantClass } p)
                    names.Add(p.Name);
            }
            direct[segment.Owner!] = names;
        }

        var derivedByName = plan.Derived.ToDictionary(d => d.Id, d => (object)d, StringComparer.Ordinal);
        var result = new List<IReadOnlyList<int>>();
        foreach (var rule in plan.Rules)
        {
            var variables = new SortedSet<int>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<string>(direct.GetValueOrDefault(rule.Criterion) ?? []);
            while (stack.Count > 0)
            {
                var name = stack.Pop();
                if (!seen.Add(name)) continue;
                if (variableIndex.TryGetValue(name, out var index)) variables.Add(index);
                else if (derivedIds.Contains(name))
                    foreach (var n in direct.GetValueOrDefault(derivedByName[name]) ?? []) stack.Push(n);
            }
            result.Add(variables.ToList());
        }
        return result;
    }

    /// <summary>Placeholder table of the right shape, for the analysis compilation.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> Empty(RulePlan plan) => plan.Rules.Select(_ => (IReadOnlyList<int>)[]).ToList();

    internal static IEnumerable<string> Names(Protocol protocol) =>
        protocol.Variables.Select(v => v.Id).Concat(protocol.Derived.Select(d => d.Id));
}
