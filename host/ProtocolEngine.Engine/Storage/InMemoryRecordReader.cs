using ProtocolEngine.Engine.Records.Persistence;

namespace ProtocolEngine.Engine.Storage;

/// <summary>Reads one version of an in-memory database; every record is read anew from its JSON.</summary>
internal sealed class InMemoryRecordReader(InMemoryState state) : IRecordReader
{
    public IReadOnlyList<T> All<T>() where T : class, IRecord =>
        [.. state.Collection(T.Collection).Values.Select(d => RecordJson.Deserialize<T>(d.Json))];

    public T? Find<T>(string id) where T : class, IRecord =>
        state.Collection(T.Collection).TryGetValue(id, out var d) ? RecordJson.Deserialize<T>(d.Json) : null;

    public IReadOnlyList<T> ForParticipant<T>(string participantId) where T : class, IRecord =>
        [.. state.Collection(T.Collection).Values.Where(d => d.ParticipantId == participantId).Select(d => RecordJson.Deserialize<T>(d.Json))];

    public IReadOnlyList<AuditEntry> AuditEntries() =>
        [.. state.Audit.Values.Select(RecordJson.Deserialize<AuditEntry>)];

    public string? GetMeta(string key) => state.Meta.GetValueOrDefault(key);
}
