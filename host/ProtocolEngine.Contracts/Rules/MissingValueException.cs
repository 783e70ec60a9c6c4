namespace ProtocolEngine.Contracts.Rules;

/// <summary>
/// The signal a rule raises when it reads a variable the participant's data does not have. The
/// screener turns it into the verdict <c>unknown</c>; it is never an error of the rule.
/// </summary>
public sealed class MissingValueException(string variable)
    : Exception($"'{variable}' has no value")
{
    /// <summary>The variable (or record field, as <c>records[].field</c>) that was read.</summary>
    public string Variable { get; } = variable;
}
