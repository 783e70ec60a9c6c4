using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Trial;

/// <summary>A protocol version the database has accepted: its content hash and canonical JSON.</summary>
public sealed record ProtocolVersion : IRecord
{
    public static string Collection => "protocol_versions";
    public string Id { get; init; } = "";
    string? IRecord.ParticipantId => null;
    public int Number { get; init; }
    public string Label { get; init; } = "";
    public string Json { get; init; } = "";
    public DateTimeOffset AcceptedAtUtc { get; init; }
    public string AcceptedBy { get; init; } = "";
}
