namespace ProtocolEngine.Engine.Records.Model;

/// <summary>The verdict on one criterion at screening.</summary>
public sealed record CriterionVerdict
{
    public string CriterionId { get; init; } = "";
    public CriterionKind Kind { get; init; }
    public Verdict Verdict { get; init; }
    public IReadOnlyList<string> MissingVariables { get; init; } = [];
    public string? Message { get; init; }
}

public enum CriterionKind { Inclusion, Exclusion }

public enum Verdict { Met, NotMet, Unknown, Error }
