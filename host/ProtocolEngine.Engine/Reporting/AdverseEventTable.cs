namespace ProtocolEngine.Engine.Reporting;

/// <summary>Adverse events among randomized participants by CTCAE term: participants with the term and their worst grade, per arm.</summary>
public sealed record AdverseEventTable
{
    /// <summary>Randomized participants per arm: the denominators.</summary>
    public IReadOnlyList<ArmCount> Denominators { get; init; } = [];

    /// <summary>First "any adverse event", then each term by participants affected (most first).</summary>
    public IReadOnlyList<AdverseEventRow> Rows { get; init; } = [];

    /// <summary>Events recorded for participants never randomized (not in the table).</summary>
    public int NotRandomizedEvents { get; init; }
}
