namespace ProtocolEngine.Engine.Screening;

/// <summary>What one rule gave: its verdict, the variables it lacked (unknown), the reason it failed (error).</summary>
public readonly record struct RuleOutcome(Verdict Verdict, IReadOnlyList<string> Missing, string? Message)
{
    public static RuleOutcome Of(Verdict verdict) => new(verdict, [], null);

    public static RuleOutcome Error(string message) => new(Verdict.Error, [], message);
}
