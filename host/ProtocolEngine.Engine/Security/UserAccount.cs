using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Security;

/// <summary>A user of the trial database with a PBKDF2-SHA256 password hash.</summary>
public sealed record UserAccount : IRecord
{
    public static string Collection => "users";
    public string Id { get; init; } = "";
    string? IRecord.ParticipantId => null;
    public Role Role { get; init; }
    public string Salt { get; init; } = "";
    public string PasswordHash { get; init; } = "";
    public int Iterations { get; init; }
    public bool Active { get; init; } = true;

    /// <summary>The audit trail records who and which role, never the salt or hash.</summary>
    public object AuditView() => new { Id, Role, Active };
}
