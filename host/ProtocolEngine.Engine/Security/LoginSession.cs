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

    /// <summary>The user's private keys wrapped under a key derived from the token (<see cref="LoginToken.WrapKey"/>), so a command run with the token can sign.</summary>
    public string? WrappedKeys { get; init; }

    /// <summary>The trail keeps the login without its wrapped keys (a digest of them instead).</summary>
    public object AuditView() => new
    {
        Id, UserId, CreatedUtc, ExpiresUtc, RevokedUtc,
        Keys = WrappedKeys is null ? null : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(WrappedKeys))),
    };
}
