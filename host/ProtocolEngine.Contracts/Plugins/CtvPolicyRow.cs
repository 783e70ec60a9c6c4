namespace ProtocolEngine.Contracts.Plugins;

/// <summary>One row of a CTV table: when the lesion matches, which sectors the CTV includes.</summary>
public sealed record CtvPolicyRow
{
    /// <summary>Row id, reported back in <see cref="CtvSelection.MatchedRow"/>.</summary>
    public string Id { get; init; } = "";

    /// <summary>The GTV involvement this row describes, as the protocol words it.</summary>
    public string Description { get; init; } = "";

    /// <summary>The row matches when the involved sectors equal this set (1-6).</summary>
    public IReadOnlyList<int> InvolvedSectors { get; init; } = [];

    /// <summary>Findings that must all be present for the row to match (may be empty).</summary>
    public IReadOnlyList<string> RequiredFindings { get; init; } = [];

    /// <summary>Sectors the CTV always includes.</summary>
    public IReadOnlyList<int> Include { get; init; } = [];

    /// <summary>Sectors the clinician may add (the table's ±).</summary>
    public IReadOnlyList<int> Optional { get; init; } = [];
}
