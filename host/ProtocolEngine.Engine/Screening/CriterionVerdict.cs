namespace ProtocolEngine.Engine.Screening;

/// <summary>The stored verdict on one top-level criterion at screening (the screener's <see cref="CriterionResult"/> without its parts).</summary>
public sealed record CriterionVerdict
{
    public string CriterionId { get; init; } = "";
    public CriterionKind Kind { get; init; }
    public Verdict Verdict { get; init; }
    public IReadOnlyList<string> MissingVariables { get; init; } = [];
    public string? Message { get; init; }
}
