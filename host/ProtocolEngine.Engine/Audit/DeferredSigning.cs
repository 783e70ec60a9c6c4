using ProtocolEngine.Engine.Security;

namespace ProtocolEngine.Engine.Audit;

/// <summary>
/// Signatures gathered over many transactions and written once (<see cref="SignAll"/>): each user who wrote since
/// the last call signs the chain's head. Only for work that commits many writes as one batch (the demo's day), so
/// that the trail holds a few signatures a day instead of one per write.
/// </summary>
public sealed class DeferredSigning
{
    private readonly Dictionary<string, UserKeys> _pending = new(StringComparer.Ordinal);

    /// <summary>Remembers that <paramref name="keys"/>' user wrote and must sign.</summary>
    public void Add(UserKeys keys) => _pending.TryAdd(keys.UserId, keys);

    /// <summary>Appends the signature of each user who wrote since the last call, in user order; forgets them.</summary>
    public void SignAll(AuditedWriter writer)
    {
        foreach (var keys in _pending.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value))
            writer.Sign(keys);
        _pending.Clear();
    }
}
