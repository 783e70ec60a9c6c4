namespace ProtocolEngine.Contracts.Rules;

/// <summary>
/// Base of the class the rule compiler generates for a protocol: one instance holds one
/// participant's data as typed members (the names rules use), computes derived fields lazily once
/// per evaluation, and runs rule number <c>i</c> on request. Indices follow the protocol's order:
/// variables as declared, derived fields as declared, rules in <see cref="RuleIds"/> order.
/// </summary>
public abstract class RuleParticipant
{
    /// <summary>Sets variable number <paramref name="variable"/>; values are int, double, bool, DateOnly, string, T[] for many, or an array of field dictionaries for records.</summary>
    public abstract void Set(int variable, object value);

    /// <summary>A new, empty instance of the same generated class.</summary>
    public abstract RuleParticipant CreateNew();

    /// <summary>Removes every value and every computed derived field.</summary>
    public abstract void Clear();

    /// <summary>Forgets computed derived fields; called before each evaluation.</summary>
    public abstract void ResetDerived();

    /// <summary>Runs rule number <paramref name="rule"/> (an inclusion, exclusion or drop-out rule).</summary>
    public abstract bool Evaluate(int rule);

    /// <summary>Owner ids of the rules in index order: criterion ids.</summary>
    public abstract IReadOnlyList<string> RuleIds { get; }

    /// <summary>Variable ids in index order.</summary>
    public abstract IReadOnlyList<string> VariableIds { get; }

    /// <summary>Whether variable number <paramref name="variable"/> has a value.</summary>
    public abstract bool Has(int variable);

    /// <summary>Indices of the variables rule number <paramref name="rule"/> reads, directly or through derived fields.</summary>
    public abstract IReadOnlyList<int> References(int rule);
}
