namespace ProtocolEngine.Contracts.Plugins;

/// <summary>A lesion and the policy to apply to it.</summary>
public sealed record CtvSelectionRequest
{
    /// <summary>The arm's policy name, one of <see cref="ICtvSelectionPlugin.Policies"/>.</summary>
    public string Policy { get; init; } = "";

    /// <summary>Sectors (1-6) the gross tumour volume involves.</summary>
    public IReadOnlyList<int> InvolvedSectors { get; init; } = [];

    /// <summary>
    /// Findings the sectors alone do not say, as codes the policy table uses (e.g. "lateralized-left",
    /// "diffuse-body", "epidural").
    /// </summary>
    public IReadOnlyList<string> Findings { get; init; } = [];

    /// <summary>The policy table from the protocol; null for policies that need none (e.g. whole vertebra).</summary>
    public CtvPolicyTable? Table { get; init; }

    /// <summary>Where within the vertebral body the GTV lies, when sector 1 is involved; null when not known (contract 2.0).</summary>
    public VertebralBodyExtent? VertebralBodyExtent { get; init; }

    /// <summary>True when the lesion extends into the epidural space (contract 2.0).</summary>
    public bool Epidural { get; init; }

    /// <summary>The protocol's PTV margin (cm) around the CTV, reported back with the selection; null when the protocol gives none (contract 2.0).</summary>
    public double? PtvMarginCm { get; init; }
}
