namespace ProtocolEngine.Contracts.Plugins;

/// <summary>A protocol's CTV table: rows tried in order; the first that matches the lesion decides.</summary>
/// <param name="Rows">The rows in the protocol's order.</param>
public sealed record CtvPolicyTable(IReadOnlyList<CtvPolicyRow> Rows)
{
    /// <summary>Where the table comes from (publication, the protocol's reading) (contract 2.0).</summary>
    public string? Source { get; init; }

    /// <summary>
    /// When no row matches the whole lesion: true covers it part by part, the CTV being the union of the rows that
    /// match the largest parts (a sector one part requires is required); false refuses the lesion (contract 2.0).
    /// </summary>
    public bool CombineParts { get; init; }
}
