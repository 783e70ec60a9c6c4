namespace ProtocolEngine.Engine.Records.Persistence;

/// <summary>
/// Write access inside one atomic store transaction. There is no delete: records are only added
/// or replaced, and every change goes through <see cref="Audit.AuditedWriter"/>.
/// </summary>
public interface IRecordWriter : IRecordReader
{
    void Insert<T>(T record) where T : class, IRecord;
    void Replace<T>(T record) where T : class, IRecord;
    void AppendAudit(AuditEntry entry);
    void SetMeta(string key, string value);

    /// <summary>Claims a unique key; throws <see cref="UniqueKeyConflictException"/> when it is taken.</summary>
    void Claim(string key);
}
