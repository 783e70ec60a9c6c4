using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Treatment;

/// <summary>
/// The target volume of one treated lesion: the GTV's level and ISRC sectors (1-6), the CTV's sectors under the
/// arm's policy (required and optional), the table row that decided, whether the CTV is circumferential, and the PTV margin.
/// </summary>
public sealed record TargetVolume : IRecord
{
    public static string Collection => "target_volumes";
    public string Id { get; init; } = "";
    public string ParticipantId { get; init; } = "";
    string? IRecord.ParticipantId => ParticipantId;
    public string Level { get; init; } = "";
    public IReadOnlyList<int> GtvSectors { get; init; } = [];
    public VertebralBodyExtent? VbExtent { get; init; }
    public bool Epidural { get; init; }
    public IReadOnlyList<int> CtvSectors { get; init; } = [];
    public IReadOnlyList<int> OptionalSectors { get; init; } = [];
    public string CtvPolicy { get; init; } = "";

    /// <summary>The row(s) of the protocol's table that decided; null for a policy without a table.</summary>
    public string? Rule { get; init; }
    public bool Circumferential { get; init; }
    public double PtvMarginCm { get; init; }
    public string Explanation { get; init; } = "";
    public DateOnly DefinedOn { get; init; }
    public string ProtocolHash { get; init; } = "";
}
