using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Treatment;

/// <summary>The target volume of one treated lesion: GTV level, the CTV's ISRC sectors (1-6) and the PTV margin.</summary>
public sealed record TargetVolume : IRecord
{
    public static string Collection => "target_volumes";
    public string Id { get; init; } = "";
    public string ParticipantId { get; init; } = "";
    string? IRecord.ParticipantId => ParticipantId;
    public string Level { get; init; } = "";
    public IReadOnlyList<int> GtvSectors { get; init; } = [];
    public IReadOnlyList<int> CtvSectors { get; init; } = [];
    public string CtvPolicy { get; init; } = "";
    public double PtvMarginCm { get; init; }
    public DateOnly DefinedOn { get; init; }
    public string ProtocolHash { get; init; } = "";
}
