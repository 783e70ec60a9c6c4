namespace ProtocolEngine.Engine.Storage;

/// <summary>
/// Write access inside one atomic store transaction. There is no delete: records are only added
/// or replaced, and every change goes through <see cref="Audit.AuditedWriter"/>. A refused call
/// (a taken key, a missing record) changes nothing, and the write can go on.
/// </summary>
public interface IRecordWriter : IRecordReader
{
    /// <summary>Adds a record; throws <see cref="UniqueKeyConflictException"/> (key <c>collection/id</c>) when its id exists in its collection. Other collections may use the same id.</summary>
    void Insert<T>(T record) where T : class, IRecord;

    /// <summary>Replaces the stored record with the same id, its participant id included; throws <see cref="InvalidOperationException"/> when there is none.</summary>
    void Replace<T>(T record) where T : class, IRecord;

    /// <summary>
    /// Appends an entry as given: the store does not check the chain (<see cref="Audit.AuditVerifier"/> does).
    /// Entries are never overwritten: throws <see cref="UniqueKeyConflictException"/> (key <c>audit/sequence</c>) when the sequence is taken.
    /// </summary>
    void AppendAudit(AuditEntry entry);

    /// <summary>Sets or overwrites a meta value.</summary>
    void SetMeta(string key, string value);

    /// <summary>Claims a unique key; throws <see cref="UniqueKeyConflictException"/> when it is taken.</summary>
    void Claim(string key);
}
