namespace ProtocolEngine.Contracts.Plugins;

/// <summary>The CTV chosen for a lesion.</summary>
/// <param name="Sectors">Sectors (1-6) the CTV includes, ascending.</param>
/// <param name="OptionalSectors">Sectors the clinician may add, ascending.</param>
/// <param name="MatchedRow">Id of the table row that decided, or null when the policy uses no table.</param>
/// <param name="Explanation">One sentence a clinician can check against the protocol.</param>
public sealed record CtvSelection(IReadOnlyList<int> Sectors, IReadOnlyList<int> OptionalSectors, string? MatchedRow, string Explanation);
