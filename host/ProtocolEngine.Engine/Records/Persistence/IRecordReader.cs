namespace ProtocolEngine.Engine.Records.Persistence;

/// <summary>
/// Read access inside one store transaction. Ids, participant ids, meta keys and claim keys compare
/// exactly (ordinal, case-sensitive). Records come back as new objects read from their stored
/// <see cref="RecordJson"/> form, so changing a returned object never changes what is stored.
/// </summary>
public interface IRecordReader
{
    /// <summary>Every record of the type's collection, in ordinal id order.</summary>
    IReadOnlyList<T> All<T>() where T : class, IRecord;

    /// <summary>The record with exactly this id in the type's collection, or null.</summary>
    T? Find<T>(string id) where T : class, IRecord;

    /// <summary>The records of the type's collection whose participant id is exactly <paramref name="participantId"/>, in ordinal id order.</summary>
    IReadOnlyList<T> ForParticipant<T>(string participantId) where T : class, IRecord;

    /// <summary>The audit trail as stored, in ascending sequence order.</summary>
    IReadOnlyList<AuditEntry> AuditEntries();

    /// <summary>The meta value of the key, or null when it was never set.</summary>
    string? GetMeta(string key);
}
