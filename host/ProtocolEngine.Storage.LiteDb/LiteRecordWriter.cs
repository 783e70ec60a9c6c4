using LiteDB;
using ProtocolEngine.Engine.Records.Persistence;

namespace ProtocolEngine.Storage.LiteDb;

/// <summary>
/// Records as LiteDB documents <c>{ _id, p: participant, j: JSON }</c>; the JSON is the record's exact form.
/// LiteDB rolls the whole transaction back when any of its operations throws (and runs later ones
/// outside it), so a taken key or a missing record is found before LiteDB is asked; should LiteDB
/// throw all the same, this writer refuses every later call and the write is not committed.
/// Lookups check the id exactly, also in files created with LiteDB's case-insensitive default collation.
/// </summary>
internal sealed class LiteRecordWriter(LiteDatabase db, bool writable) : IRecordWriter
{
    private readonly int _thread = Environment.CurrentManagedThreadId;
    private bool _ended;
    private LiteException? _failed;

    /// <summary>The Write this writer belongs to has ended; it writes no more.</summary>
    public void End() => _ended = true;

    /// <summary>Throws when LiteDB failed (and so rolled back) during the write, even if the caller caught the error.</summary>
    public void ThrowIfFailed()
    {
        if (_failed is not null)
            throw new InvalidOperationException($"The write was rolled back after a database error: {_failed.Message}", _failed);
    }

    public IReadOnlyList<T> All<T>() where T : class, IRecord => Run(() =>
        Records<T>(Collection<T>().FindAll()));

    public T? Find<T>(string id) where T : class, IRecord => Run(() =>
        Exact(Collection<T>(), id) is { } d ? RecordJson.Deserialize<T>(d["j"].AsString) : null);

    public IReadOnlyList<T> ForParticipant<T>(string participantId) where T : class, IRecord => Run(() =>
        Records<T>(Collection<T>().Find(ByParticipant(participantId)).Where(d => d["p"].AsString == participantId)));

    public IEnumerable<T> Scan<T>() where T : class, IRecord =>
        Run(() => Collection<T>().FindAll().ToList())
            .OrderBy(d => d["p"].IsNull ? "" : d["p"].AsString, StringComparer.Ordinal).ThenBy(d => d["_id"].AsString, StringComparer.Ordinal)
            .Select(d => RecordJson.Deserialize<T>(d["j"].AsString));

    public int Count<T>() where T : class, IRecord => Run(() => Collection<T>().Count());

    public IEnumerable<AuditEntry> Audit(long fromSequence = 1)
    {
        ThrowIfFailed();
        var c = db.GetCollection(LiteRecordStore.AuditCollection);
        return c.Find(Query.GTE("_id", fromSequence)).Select(d => RecordJson.Deserialize<AuditEntry>(d["j"].AsString));
    }

    public IReadOnlyList<AuditEntry> AuditOf(string participantId) => Run(() =>
        (IReadOnlyList<AuditEntry>)[.. db.GetCollection(LiteRecordStore.AuditCollection).Find(ByParticipant(participantId))
            .Where(d => d["p"].IsString && d["p"].AsString == participantId)
            .OrderBy(d => d["_id"].AsInt64)
            .Select(d => RecordJson.Deserialize<AuditEntry>(d["j"].AsString))]);

    /// <summary>A parameterized query, so LiteDB parses and compiles it once (a literal value would compile anew for every participant).</summary>
    private static BsonExpression ByParticipant(string participantId) => BsonExpression.Create("p = @0", new BsonValue(participantId));

    public string? GetMeta(string key) => Run(() =>
        Exact(db.GetCollection(LiteRecordStore.MetaCollection), key)?["v"].AsString);

    public void Insert<T>(T record) where T : class, IRecord => Write(() =>
    {
        var c = Collection<T>();
        if (c.FindById(record.Id) is not null)
            throw new UniqueKeyConflictException($"{T.Collection}/{record.Id}");
        c.EnsureIndex("p");
        c.Insert(Document(record));
    });

    public void Replace<T>(T record) where T : class, IRecord => Write(() =>
    {
        var c = Collection<T>();
        if (Exact(c, record.Id) is null)
            throw new InvalidOperationException($"No {T.Collection} record '{record.Id}' to replace.");
        c.Update(Document(record));
    });

    public void AppendAudit(AuditEntry entry) => Write(() =>
    {
        var c = db.GetCollection(LiteRecordStore.AuditCollection);
        if (c.FindById(entry.Sequence) is not null)
            throw new UniqueKeyConflictException($"audit/{entry.Sequence}");
        c.Insert(new BsonDocument
        {
            ["_id"] = entry.Sequence,
            ["p"] = entry.ParticipantId is null ? BsonValue.Null : new BsonValue(entry.ParticipantId),
            ["j"] = RecordJson.Serialize(entry),
        });
    });

    public void SetMeta(string key, string value) => Write(() =>
        db.GetCollection(LiteRecordStore.MetaCollection).Upsert(new BsonDocument { ["_id"] = key, ["v"] = value }));

    public void Claim(string key) => Write(() =>
    {
        var c = db.GetCollection(LiteRecordStore.ClaimCollection);
        if (c.FindById(key) is not null)
            throw new UniqueKeyConflictException(key);
        c.Insert(new BsonDocument { ["_id"] = key });
    });

    private ILiteCollection<BsonDocument> Collection<T>() where T : class, IRecord => db.GetCollection(T.Collection);

    private static BsonDocument? Exact(ILiteCollection<BsonDocument> c, string id) =>
        c.FindById(id) is { } d && d["_id"].AsString == id ? d : null;

    private static List<T> Records<T>(IEnumerable<BsonDocument> documents) where T : class, IRecord =>
        [.. documents.OrderBy(d => d["_id"].AsString, StringComparer.Ordinal).Select(d => RecordJson.Deserialize<T>(d["j"].AsString))];

    private void Write(Action operation)
    {
        if (!writable)
            throw new InvalidOperationException("A store Read cannot write; use Write.");
        if (_ended)
            throw new InvalidOperationException("This store writer belongs to a Write that has ended.");
        if (Environment.CurrentManagedThreadId != _thread)
            throw new InvalidOperationException("A store writer writes only on the thread that called Write.");
        Run(() => { operation(); return 0; });
    }

    private TResult Run<TResult>(Func<TResult> operation)
    {
        ThrowIfFailed();
        try
        {
            return operation();
        }
        catch (LiteException ex)
        {
            _failed = ex;
            throw;
        }
    }

    private static BsonDocument Document<T>(T record) where T : class, IRecord => new()
    {
        ["_id"] = record.Id,
        ["p"] = record.ParticipantId is null ? BsonValue.Null : new BsonValue(record.ParticipantId),
        ["j"] = RecordJson.Serialize(record),
    };
}
