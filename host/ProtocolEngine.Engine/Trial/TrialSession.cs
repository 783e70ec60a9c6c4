using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Audit;
using ProtocolEngine.Engine.Storage;
using ProtocolEngine.Engine.Security;

namespace ProtocolEngine.Engine.Trial;

/// <summary>
/// An authenticated user working on one trial database under one protocol version. Every write
/// checks the role's permission and that the protocol is the accepted version, then runs as one
/// audited transaction.
/// </summary>
public sealed class TrialSession(IRecordStore store, Protocol protocol, UserAccount user, TimeProvider clock, IReadOnlyList<string> pendingChanges,
    IReadOnlyDictionary<string, string>? scripts = null)
{
    public IRecordStore Store => store;
    public Protocol Protocol => protocol;

    /// <summary>The protocol version as stored: its data and its scripts' texts.</summary>
    public string CanonicalJson { get; } = ProtocolFingerprint.CanonicalJson(protocol, scripts);

    private string? _protocolHash;

    /// <summary>The SHA-256 of <see cref="CanonicalJson"/>, computed once (every audited write names it).</summary>
    public string ProtocolHash => _protocolHash ??= ProtocolFingerprint.Hash(CanonicalJson);
    public UserAccount User => user;
    public TimeProvider Clock => clock;

    /// <summary>Differences from the accepted protocol version; empty when the protocol is the accepted one.</summary>
    public IReadOnlyList<string> PendingChanges { get; private set; } = pendingChanges;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public T Read<T>(Permission permission, Func<IRecordReader, T> read)
    {
        RolePolicy.Demand(user, permission);
        return store.Read(read);
    }

    public T Write<T>(Permission permission, Func<AuditedWriter, T> write)
    {
        RolePolicy.Demand(user, permission);
        if (PendingChanges.Count > 0)
            throw new AmendmentPendingException(PendingChanges);
        return store.Write(w => write(new AuditedWriter(w, user.Id, ProtocolHash, clock)));
    }

    /// <summary>Writes that are allowed while an amendment is pending (accepting it).</summary>
    internal T WriteDuringAmendment<T>(Permission permission, Func<AuditedWriter, T> write)
    {
        RolePolicy.Demand(user, permission);
        var result = store.Write(w => write(new AuditedWriter(w, user.Id, ProtocolHash, clock)));
        PendingChanges = [];
        return result;
    }
}
