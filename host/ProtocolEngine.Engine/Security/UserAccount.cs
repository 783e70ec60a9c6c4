using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Security;

/// <summary>
/// A user of the trial database: a PBKDF2-SHA256 password check, and (<see cref="KeyScheme"/> 1) the user's
/// public keys with the private ones wrapped under a key derived from the same PBKDF2 result (<see cref="UserKeys"/>).
/// </summary>
public sealed record UserAccount : IRecord
{
    /// <summary>The collection of users.</summary>
    public static string Collection => "users";

    /// <summary>The user name.</summary>
    public string Id { get; init; } = "";
    string? IRecord.ParticipantId => null;

    /// <summary>What the user does in the trial.</summary>
    public Role Role { get; init; }

    /// <summary>The PBKDF2 salt (base64).</summary>
    public string Salt { get; init; } = "";

    /// <summary>The password check (base64): the PBKDF2 result itself (scheme 0) or a key derived from it (scheme 1).</summary>
    public string PasswordHash { get; init; } = "";

    /// <summary>PBKDF2 iterations of this hash.</summary>
    public int Iterations { get; init; }

    /// <summary>False once the user may no longer sign in.</summary>
    public bool Active { get; init; } = true;

    /// <summary>0: a password check only (made before signed trails); 1: the password check and wrapped keys derive from one PBKDF2 result.</summary>
    public int KeyScheme { get; init; }

    /// <summary>The public key the user's audit signatures verify with (base64 SubjectPublicKeyInfo), scheme 1.</summary>
    public string? SigningKey { get; init; }

    /// <summary>The public key sealed secrets are sent to (base64 SubjectPublicKeyInfo), scheme 1.</summary>
    public string? ExchangeKey { get; init; }

    /// <summary>The private keys, AES-GCM under a key derived from the password's PBKDF2 result, scheme 1.</summary>
    public string? WrappedKeys { get; init; }

    /// <summary>The randomization key sealed to <see cref="ExchangeKey"/>, when the user may randomize and was given it.</summary>
    public string? RandomizationKey { get; init; }

    /// <summary>
    /// The audit trail records who, which role, the public keys and digests of the credential (salt, hash, iterations,
    /// wrapped keys) and of the sealed randomization key, so a swapped hash or key is found; never the salt, the hash or a key.
    /// </summary>
    public object AuditView() => new
    {
        Id, Role, Active, SigningKey, ExchangeKey, Credential = PasswordHasher.CredentialDigest(this),
        RandomizationKey = RandomizationKey is null ? null : Audit.MetaSettings.Digest(RandomizationKey),
    };
}
