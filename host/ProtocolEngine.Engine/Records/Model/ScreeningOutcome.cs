namespace ProtocolEngine.Engine.Records.Model;

/// <summary>What the screening evaluator concluded: one verdict per criterion and the overall status.</summary>
public sealed record ScreeningOutcome
{
    public EligibilityStatus Status { get; init; }
    public IReadOnlyList<CriterionVerdict> Verdicts { get; init; } = [];
}

public enum EligibilityStatus { Eligible, Ineligible, Incomplete }
