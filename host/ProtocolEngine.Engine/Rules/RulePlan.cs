using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Screening;

namespace ProtocolEngine.Engine.Rules;

/// <summary>
/// The order in which variables, derived fields and rules are numbered in the generated code. Both
/// the generator and the screener derive it from the protocol, so a cached assembly and the
/// protocol it was made from always agree (the cache key covers the protocol text).
/// </summary>
public sealed class RulePlan
{
    private readonly Dictionary<Criterion, PlannedRule> _byCriterion = new(ReferenceEqualityComparer.Instance);

    private RulePlan(Protocol protocol)
    {
        Protocol = protocol;
        var rules = new List<PlannedRule>();
        void Add(IEnumerable<Criterion> criteria, CriterionKind kind)
        {
            foreach (var c in criteria)
            {
                if (c.Rule is not null)
                {
                    var planned = new PlannedRule(rules.Count, c, kind);
                    rules.Add(planned);
                    _byCriterion[c] = planned;
                }
                Add(c.Parts ?? [], kind);
            }
        }
        Add(protocol.Criteria.Inclusion, CriterionKind.Inclusion);
        Add(protocol.Criteria.Exclusion, CriterionKind.Exclusion);
        Add(protocol.Criteria.Dropout, CriterionKind.Dropout);
        Rules = rules;
    }

    public static RulePlan For(Protocol protocol) => new(protocol);

    public Protocol Protocol { get; }

    public IReadOnlyList<Variable> Variables => Protocol.Variables;

    public IReadOnlyList<DerivedField> Derived => Protocol.Derived;

    /// <summary>Every criterion with a rule: inclusion, exclusion, drop-out, parts after their parent.</summary>
    public IReadOnlyList<PlannedRule> Rules { get; }

    /// <summary>The planned rule of a criterion, or null when it has parts instead.</summary>
    public PlannedRule? RuleOf(Criterion criterion) => _byCriterion.GetValueOrDefault(criterion);

    /// <summary>The C# type rules see for a variable or record field.</summary>
    public static string CSharpType(Variable v)
    {
        var single = v.Type switch
        {
            VariableType.Integer => "int",
            VariableType.Number => "double",
            VariableType.Boolean => "bool",
            VariableType.Date => "global::System.DateOnly",
            VariableType.Code or VariableType.Text => "string",
            VariableType.Records => RecordName(v),
            _ => throw new ArgumentOutOfRangeException(nameof(v), v.Type, "unknown variable type"),
        };
        return v.Many || v.Type == VariableType.Records ? $"global::System.Collections.Generic.IReadOnlyList<{single}>" : single;
    }

    /// <summary>The C# type of a derived field.</summary>
    public static string CSharpType(DerivedField d) => CSharpType(new Variable { Id = d.Id, Type = d.Type });

    /// <summary>The record class name of a records variable: record_name, else the id in PascalCase.</summary>
    public static string RecordName(Variable v) =>
        v.RecordName ?? string.Concat(v.Id.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
