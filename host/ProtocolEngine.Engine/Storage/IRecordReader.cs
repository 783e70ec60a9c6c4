namespace ProtocolEngine.Engine.Storage;

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

    /// <summary>
    /// Every record of the type's collection, read lazily as the caller enumerates (consume it inside the Read):
    /// ordered by participant id, then id (ordinal; records without a participant first). For reads over a
    /// whole trial that must not hold it in memory.
    /// </summary>
    IEnumerable<T> Scan<T>() where T : class, IRecord;

    /// <summary>How many records the type's collection holds.</summary>
    int Count<T>() where T : class, IRecord;

    /// <summary>The audit trail as stored from <paramref name="fromSequence"/> on, in ascending sequence order, read lazily (consume it inside the Read).</summary>
    IEnumerable<AuditEntry> Audit(long fromSequence = 1);

    /// <summary>The audit entries of one participant (participant id exactly <paramref name="participantId"/>), in ascending sequence order.</summary>
    IReadOnlyList<AuditEntry> AuditOf(string participantId);

    /// <summary>The meta value of the key, or null when it was never set.</summary>
    string? GetMeta(string key);
}
