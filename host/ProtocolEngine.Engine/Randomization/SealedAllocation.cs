using System.Security.Cryptography;
using ProtocolEngine.Engine.Audit;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Engine.Storage;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Randomization;

/// <summary>
/// The allocation secret sealed in the database: AES-GCM under a random 256-bit randomization key, stored in meta
/// (<see cref="MetaKey"/>); the key itself is only in the user records, sealed to the public exchange key of each user
/// who may randomize or see the list (<see cref="UserKeys.SealTo"/>). The database key alone opens neither; a user's
/// password (or login token) opens the user's keys, which open the randomization key, which opens the secret.
/// </summary>
public static class SealedAllocation
{
    /// <summary>The meta setting holding the sealed secret (the trail keeps its digest).</summary>
    public const string MetaKey = "randomization.sealed";

    /// <summary>True for a role that randomizes or sees the list, and so is given the randomization key.</summary>
    public static bool Holds(Role role) => RolePolicy.Allows(role, Permission.Randomize) || RolePolicy.Allows(role, Permission.ViewRandomizationList);

    /// <summary>Seals <paramref name="secret"/> under a new randomization key (an audited setting); returns the key.</summary>
    internal static byte[] Seal(AuditedWriter w, string protocolId, AllocationSecret secret, string reason)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var text = KeyWrap.Seal(key, RecordJson.SerializeToUtf8(secret), Context(protocolId));
        w.SetSetting(MetaKey, text, MetaSettings.Digest(text), reason);
        return key;
    }

    /// <summary>The user with the randomization key sealed to the user's exchange key (unchanged when the user has no keys).</summary>
    internal static UserAccount Give(UserAccount user, byte[] key) =>
        user.ExchangeKey is null ? user : user with { RandomizationKey = UserKeys.SealTo(user.ExchangeKey, key, KeyContext(user.Id)) };

    /// <summary>Opens the user's copy of the randomization key with the user's keys, or null.</summary>
    public static byte[]? KeyOf(UserAccount user, UserKeys? keys) => keys?.OpenSealed(user.RandomizationKey, KeyContext(user.Id));

    /// <summary>The secret as the session's user opens it; refused with what to do when it is not sealed or the user cannot open it.</summary>
    public static AllocationSecret Open(TrialSession session)
    {
        var text = session.Store.Read(r => r.GetMeta(MetaKey))
            ?? throw new RecordRejectedException("randomization", "The allocation secret is not sealed in this database yet: a statistician (or an administrator) "
                + "enters it with `protocol-engine randomization seal --block-sizes 2,4` before the first randomization.");
        var key = session.Keys?.RandomizationKey
            ?? throw new RecordRejectedException("randomization", $"'{session.User.Id}' does not hold the randomization key: it is given to the users who may randomize "
                + "when the secret is sealed, and to users added later by an administrator who holds it; ask a statistician to seal again "
                + "(before the first randomization) or an administrator to add your account again.");
        var json = KeyWrap.Open(key, text, Context(session.Protocol.Id))
            ?? throw new RecordRejectedException("randomization", $"The sealed allocation secret does not open with the randomization key of '{session.User.Id}': "
                + "it was changed outside the trail; run `protocol-engine audit verify`.");
        var secret = RecordJson.Deserialize<AllocationSecret>(json.AsSpan());
        if (session.Protocol.Randomization is { Method: "permuted-blocks", BlockSizes.Count: 0 } && secret.BlockSizes.Count == 0)
            throw new RecordRejectedException("randomization", "The block sizes are not sealed in this database yet (the protocol states only the method): "
                + "a statistician (or an administrator) enters them with `protocol-engine randomization seal --block-sizes 2,4` before the first randomization.");
        return secret;
    }

    /// <summary>The protocol with the sealed block sizes in its plan (when the secret has them): what the allocator and the list use.</summary>
    public static Protocol Apply(Protocol protocol, AllocationSecret secret)
    {
        if (protocol.Randomization is not { } plan || secret.BlockSizes.Count == 0) return protocol;
        return protocol with { Randomization = plan with { BlockSizes = [.. secret.BlockSizes], BlockSizeWeights = [.. secret.BlockSizeWeights] } };
    }

    private static string Context(string protocolId) => "ProtocolEngine.AllocationSecret/1\n" + protocolId;

    private static string KeyContext(string userId) => "ProtocolEngine.RandomizationKey/1\n" + userId;
}
