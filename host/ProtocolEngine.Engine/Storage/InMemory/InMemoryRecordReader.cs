namespace ProtocolEngine.Engine.Storage.InMemory;

/// <summary>Reads one version of an in-memory database; every record is read anew from its JSON.</summary>
internal sealed class InMemoryRecordReader(InMemoryState state) : IRecordReader
{
    public IReadOnlyList<T> All<T>() where T : class, IRecord =>
        [.. state.Collection(T.Collection).Values.Select(d => RecordJson.Deserialize<T>(d.Json))];

    public T? Find<T>(string id) where T : class, IRecord =>
        state.Collection(T.Collection).TryGetValue(id, out var d) ? RecordJson.Deserialize<T>(d.Json) : null;

    public IReadOnlyList<T> ForParticipant<T>(string participantId) where T : class, IRecord =>
        [.. state.Collection(T.Collection).Values.Where(d => d.ParticipantId == participantId).Select(d => RecordJson.Deserialize<T>(d.Json))];

    public IEnumerable<T> Scan<T>() where T : class, IRecord =>
        state.Collection(T.Collection).OrderBy(d => d.Value.ParticipantId ?? "", StringComparer.Ordinal).ThenBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => RecordJson.Deserialize<T>(d.Value.Json));

    public int Count<T>() where T : class, IRecord => state.Collection(T.Collection).Count;

    public IEnumerable<AuditEntry> Audit(long fromSequence = 1) =>
        state.Audit.Where(e => e.Key >= fromSequence).Select(e => RecordJson.Deserialize<AuditEntry>(e.Value));

    public IReadOnlyList<AuditEntry> AuditOf(string participantId) =>
        [.. state.Audit.Values.Select(RecordJson.Deserialize<AuditEntry>).Where(e => e.ParticipantId == participantId)];

    public string? GetMeta(string key) => state.Meta.GetValueOrDefault(key);
}
