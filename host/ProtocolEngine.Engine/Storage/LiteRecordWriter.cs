using LiteDB;
using ProtocolEngine.Engine.Records.Persistence;

namespace ProtocolEngine.Engine.Storage;

/// <summary>Records as LiteDB documents <c>{ _id, p: participant, j: JSON }</c>; the JSON is the record's exact form.</summary>
internal sealed class LiteRecordWriter(LiteDatabase db) : IRecordWriter
{
    private ILiteCollection<BsonDocument> Collection<T>() where T : class, IRecord => db.GetCollection(T.Collection);

    public IReadOnlyList<T> All<T>() where T : class, IRecord =>
        [.. Collection<T>().FindAll().Select(d => RecordJson.Deserialize<T>(d["j"].AsString))];

    public T? Find<T>(string id) where T : class, IRecord
    {
        var d = Collection<T>().FindById(id);
        return d is null ? null : RecordJson.Deserialize<T>(d["j"].AsString);
    }

    public IReadOnlyList<T> ForParticipant<T>(string participantId) where T : class, IRecord =>
        [.. Collection<T>().Find(Query.EQ("p", participantId)).Select(d => RecordJson.Deserialize<T>(d["j"].AsString))];

    public IReadOnlyList<AuditEntry> AuditEntries() =>
        [.. db.GetCollection(LiteRecordStore.AuditCollection).Query().OrderBy("_id").ToEnumerable()
            .Select(d => RecordJson.Deserialize<AuditEntry>(d["j"].AsString))];

    public string? GetMeta(string key)
    {
        var d = db.GetCollection(LiteRecordStore.MetaCollection).FindById(key);
        return d?["v"].AsString;
    }

    public void Insert<T>(T record) where T : class, IRecord
    {
        try
        {
            var c = Collection<T>();
            c.EnsureIndex("p");
            c.Insert(Document(record));
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new UniqueKeyConflictException($"{T.Collection}/{record.Id}");
        }
    }

    public void Replace<T>(T record) where T : class, IRecord
    {
        if (!Collection<T>().Update(Document(record)))
            throw new InvalidOperationException($"No {T.Collection} record '{record.Id}' to replace.");
    }

    public void AppendAudit(AuditEntry entry) =>
        db.GetCollection(LiteRecordStore.AuditCollection).Insert(new BsonDocument
        {
            ["_id"] = entry.Sequence,
            ["p"] = entry.ParticipantId is null ? BsonValue.Null : new BsonValue(entry.ParticipantId),
            ["j"] = RecordJson.Serialize(entry),
        });

    public void SetMeta(string key, string value) =>
        db.GetCollection(LiteRecordStore.MetaCollection).Upsert(new BsonDocument { ["_id"] = key, ["v"] = value });

    public void Claim(string key)
    {
        try
        {
            db.GetCollection(LiteRecordStore.ClaimCollection).Insert(new BsonDocument { ["_id"] = key });
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new UniqueKeyConflictException(key);
        }
    }

    private static BsonDocument Document<T>(T record) where T : class, IRecord => new()
    {
        ["_id"] = record.Id,
        ["p"] = record.ParticipantId is null ? BsonValue.Null : new BsonValue(record.ParticipantId),
        ["j"] = RecordJson.Serialize(record),
    };
}
