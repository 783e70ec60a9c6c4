namespace ProtocolEngine.Engine.Records.Persistence;

/// <summary>Read access inside one store transaction.</summary>
public interface IRecordReader
{
    IReadOnlyList<T> All<T>() where T : class, IRecord;
    T? Find<T>(string id) where T : class, IRecord;
    IReadOnlyList<T> ForParticipant<T>(string participantId) where T : class, IRecord;
    IReadOnlyList<AuditEntry> AuditEntries();
    string? GetMeta(string key);
}
