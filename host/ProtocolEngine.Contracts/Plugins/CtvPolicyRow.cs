namespace ProtocolEngine.Contracts.Plugins;

/// <summary>One row of a CTV table: when the lesion matches, which sectors the CTV includes.</summary>
public sealed record CtvPolicyRow
{
    /// <summary>Row id, reported back in <see cref="CtvSelection.MatchedRow"/>.</summary>
    public string Id { get; init; } = "";

    /// <summary>The GTV involvement this row describes, as the protocol words it.</summary>
    public string Description { get; init; } = "";

    /// <summary>The row matches when the involved sectors equal this set (1-6). Used when <see cref="SectorGroups"/> is empty.</summary>
    public IReadOnlyList<int> InvolvedSectors { get; init; } = [];

    /// <summary>Findings that must all be present for the row to match (may be empty).</summary>
    public IReadOnlyList<string> RequiredFindings { get; init; } = [];

    /// <summary>Sectors the CTV always includes.</summary>
    public IReadOnlyList<int> Include { get; init; } = [];

    /// <summary>Sectors the clinician may add (the table's ±).</summary>
    public IReadOnlyList<int> Optional { get; init; } = [];

    /// <summary>
    /// The involvement as groups of sectors (contract 2.0): the row matches when every group has at least one involved
    /// sector and no involved sector lies outside the groups. [[1], [2, 3], [5, 6]] is "the vertebral body and both sides".
    /// </summary>
    public IReadOnlyList<IReadOnlyList<int>> SectorGroups { get; init; } = [];

    /// <summary>Where within the vertebral body the GTV must lie for the row to match; empty: anywhere (contract 2.0).</summary>
    public IReadOnlyList<VertebralBodyExtent> VertebralBodyExtents { get; init; } = [];

    /// <summary>
    /// True when the row is written for the left side and applies mirrored to the right (contract 2.0): sectors 2 and 6,
    /// 3 and 5, and the extents left and right swap ("ipsilateral" in the consensus).
    /// </summary>
    public bool Mirrored { get; init; }

    /// <summary>True when the row indicates a circumferential CTV around the cord (contract 2.0).</summary>
    public bool Circumferential { get; init; }
}
