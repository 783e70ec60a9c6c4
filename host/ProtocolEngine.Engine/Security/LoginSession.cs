using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Security;

/// <summary>
/// A login made by `protocol-engine login`. The id is the SHA-256 (hex) of the token: the token itself is
/// never stored, so reading the database does not give a way in.
/// </summary>
public sealed record LoginSession : IRecord
{
    public static string Collection => "sessions";
    public string Id { get; init; } = "";
    string? IRecord.ParticipantId => null;
    public string UserId { get; init; } = "";
    public DateTimeOffset CreatedUtc { get; init; }
    public DateTimeOffset ExpiresUtc { get; init; }
    public DateTimeOffset? RevokedUtc { get; init; }
}
