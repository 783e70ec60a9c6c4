namespace ProtocolEngine.Contracts.Plugins;

/// <summary>The CTV chosen for a lesion.</summary>
/// <param name="Sectors">Sectors (1-6) the CTV includes, ascending.</param>
/// <param name="OptionalSectors">Sectors the clinician may add, ascending.</param>
/// <param name="MatchedRow">Id of the table row that decided (rows joined by " + " when the lesion was covered part by part), or null when the policy uses no table.</param>
/// <param name="Explanation">One sentence a clinician can check against the protocol.</param>
public sealed record CtvSelection(IReadOnlyList<int> Sectors, IReadOnlyList<int> OptionalSectors, string? MatchedRow, string Explanation)
{
    /// <summary>True when the CTV is to encircle the spinal cord (contract 2.0).</summary>
    public bool Circumferential { get; init; }

    /// <summary>True when the CTV includes the epidural disease (there is no epidural CTV without it) (contract 2.0).</summary>
    public bool Epidural { get; init; }

    /// <summary>PTV = CTV + this margin (cm), as the request gave it (contract 2.0).</summary>
    public double? PtvMarginCm { get; init; }
}
