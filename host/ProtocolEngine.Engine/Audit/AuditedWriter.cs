using ProtocolEngine.Engine.Storage;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Audit;

/// <summary>
/// The only way records are written: each insert or change appends a hash-chained audit entry in
/// the same transaction. A change of a saved record needs a reason. There is no delete.
/// </summary>
public sealed class AuditedWriter(IRecordWriter writer, string user, string protocolHash, TimeProvider clock)
{
    public IRecordReader Reader => writer;
    public string User => user;
    public string ProtocolHash => protocolHash;
    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    public void Claim(string key) => writer.Claim(key);

    public T Create<T>(T record, string action, string? reason = null) where T : class, IRecord
    {
        writer.Insert(record);
        Append(action, T.Collection, record.Id, record.ParticipantId, null, Json(record), reason);
        return record;
    }

    public T Change<T>(T saved, T updated, string action, string? reason) where T : class, IRecord
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new RecordRejectedException("reason", $"Changing the saved {T.Collection} record '{saved.Id}' needs a reason (--reason).");
        if (saved.Id != updated.Id)
            throw new InvalidOperationException("A change must keep the record id.");
        writer.Replace(updated);
        Append(action, T.Collection, saved.Id, saved.ParticipantId, Json(saved), Json(updated), reason);
        return updated;
    }

    /// <summary>An event that changes no record but belongs in the trail (meta settings such as an accepted amendment).</summary>
    public void Note(string action, string collection, string recordId, string? oldValue, string? newValue, string? reason)
        => Append(action, collection, recordId, null, oldValue, newValue, reason);

    /// <summary>Sets a meta value the engine keeps no trail of (a counter: a shortcut the records can always recount).</summary>
    public void SetMeta(string key, string value) => writer.SetMeta(key, value);

    /// <summary>
    /// Sets a meta setting and notes it in the trail (<see cref="SettingAction"/>), with <paramref name="audited"/> as the value
    /// the trail keeps (a digest for a secret), so that <see cref="AuditVerifier"/> finds a setting changed behind its back.
    /// </summary>
    public void SetSetting(string key, string value, string audited, string? reason)
    {
        var old = writer.GetMeta(key);
        writer.SetMeta(key, value);
        Note(SettingAction, "meta", key, old is null ? null : (audited == value ? old : MetaSettings.Digest(old)), audited, reason);
    }

    /// <summary>The action of a meta setting's note.</summary>
    public const string SettingAction = "setting";

    /// <summary>True once this writer appended an entry other than a signature: the transaction needs signing.</summary>
    public bool Appended { get; private set; }

    /// <summary>Appends the signature entry of <paramref name="keys"/>' user over the chain's head (<see cref="AuditSignature"/>).</summary>
    public void Sign(Security.UserKeys keys)
    {
        var head = AuditHead.Parse(writer.GetMeta(AuditHead.MetaKey));
        var signature = Convert.ToBase64String(keys.Sign(AuditSignature.Message(head.Sequence + 1, head.Hash, keys.UserId)));
        AppendAs(keys.UserId, AuditSignature.Action, AuditSignature.Collection, Security.UserKeys.Fingerprint(keys.SigningKey), null, null, signature, null);
    }

    internal static string Json<T>(T record) where T : class, IRecord
    {
        var view = record.AuditView();
        return RecordJson.Serialize(view, view.GetType());
    }

    private readonly HashSet<string> _participants = new(StringComparer.Ordinal);

    /// <summary>The participants this writer wrote audit entries about (so far): whose derived data the write must refresh.</summary>
    public IReadOnlyCollection<string> Participants => _participants;

    private void Append(string action, string collection, string id, string? participant, string? oldValue, string? newValue, string? reason)
    {
        if (participant is not null) _participants.Add(participant);
        Appended = true;
        AppendAs(user, action, collection, id, participant, oldValue, newValue, reason);
    }

    private void AppendAs(string user, string action, string collection, string id, string? participant, string? oldValue, string? newValue, string? reason)
    {
        var head = AuditHead.Parse(writer.GetMeta(AuditHead.MetaKey));
        var entry = new AuditEntry
        {
            Sequence = head.Sequence + 1, TimestampUtc = Now, User = user, Action = action,
            Collection = collection, RecordId = id, ParticipantId = participant,
            OldValue = oldValue, NewValue = newValue, Reason = reason,
            ProtocolHash = protocolHash, PreviousHash = head.Hash,
        };
        entry = entry with { Hash = AuditHasher.Compute(entry) };
        writer.AppendAudit(entry);
        writer.SetMeta(AuditHead.MetaKey, new AuditHead(entry.Sequence, entry.Hash).Format());
    }
}
