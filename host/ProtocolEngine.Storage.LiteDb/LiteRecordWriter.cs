using LiteDB;
using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Storage.LiteDb;

/// <summary>
/// Reads and writes of one store transaction (a Read, a Write, or a Batch of Writes), over the layout
/// the store keeps (see <see cref="LiteRecordStore"/>). What it reads it decodes once and keeps in the store's
/// <see cref="StoreCache"/> (for the next transactions too): a participant's records of a kind (<see cref="Bucket"/>),
/// audit segments, participant audit lists, id-map answers, meta values; what
/// it changes stays in those until <see cref="Flush"/> writes each changed document once, so a write of
/// several records of one participant re-encodes their bucket once. A refused call (a taken key, a
/// missing record) is found before anything changes. LiteDB rolls a transaction back when one of its
/// operations throws; should it, this writer refuses every later call and the write is not committed.
/// </summary>
internal sealed class LiteRecordWriter(LiteDatabase db, bool writable, StoreCache cache) : IRecordWriter
{
    private const string IdMapSuffix = "__ids";

    // LiteDB caches a parsed expression by its text, so range queries keep the value a parameter.
    private static readonly BsonExpression Id = BsonExpression.Create("_id");
    private readonly int _thread = Environment.CurrentManagedThreadId;
    private readonly Dictionary<(string Collection, string Key), Bucket?> _buckets = cache.Buckets;
    private readonly Dictionary<long, AuditSegment> _segments = cache.Segments;
    private readonly Dictionary<string, List<long>?> _participantAudit = cache.ParticipantAudit;
    private readonly HashSet<string> _dirtyParticipantAudit = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Collection, string Id), string?> _idMapChanges = [];
    private bool _ended;
    private LiteException? _failed;

    public void End() => _ended = true;

    public void ThrowIfFailed()
    {
        if (_failed is not null)
            throw new InvalidOperationException($"The write was rolled back after a database error: {_failed.Message}", _failed);
    }

    // ---- reads ----

    public IReadOnlyList<T> All<T>() where T : class, IRecord =>
        [.. Scan<T>().OrderBy(r => r.Id, StringComparer.Ordinal)];

    public T? Find<T>(string id) where T : class, IRecord => Run(() =>
        Locate(T.Collection, id) is { } bucket ? RecordJson.Deserialize<T>(bucket.Find(id)!) : null);

    public IReadOnlyList<T> ForParticipant<T>(string participantId) where T : class, IRecord => Run(() =>
        Load(T.Collection, participantId) is not { } bucket ? []
        // Records without a participant share the bucket "" with any whose participant id is "".
        : participantId.Length == 0 ? (IReadOnlyList<T>)[.. bucket.Lines.Select(RecordJson.Deserialize<T>).Where(r => r.ParticipantId == "")]
        : [.. bucket.Lines.Select(RecordJson.Deserialize<T>)]);

    public IEnumerable<T> Scan<T>() where T : class, IRecord
    {
        Run(() => { FlushIfWritable(); return 0; });
        foreach (var document in Run(() => db.GetCollection(T.Collection).FindAll()))
        {
            var bucket = Run(() => Bucket.Decode(document));
            foreach (var line in bucket.Lines)
                yield return RecordJson.Deserialize<T>(line);
        }
    }

    public int Count<T>() where T : class, IRecord => Run(() =>
    {
        FlushIfWritable();
        return db.GetCollection(T.Collection).FindAll().Sum(d => d["i"].AsArray.Count);
    });

    public IEnumerable<AuditEntry> Audit(long fromSequence = 1)
    {
        Run(() => { FlushIfWritable(); return 0; });
        var segments = db.GetCollection(LiteRecordStore.SegmentCollection);
        var start = Run(() => segments.Query().Where(BsonExpression.Create("_id <= @0", fromSequence)).OrderByDescending(Id).Limit(1)
            .FirstOrDefault()?["_id"].AsInt64 ?? long.MinValue);
        foreach (var document in Run(() => segments.Find(BsonExpression.Create("_id >= @0", start))))
        {
            var segment = Run(() => AuditSegment.Decode(document));
            for (var n = 0; n < segment.Count; n++)
                if (segment.Sequences[n] >= fromSequence)
                    yield return RecordJson.Deserialize<AuditEntry>(segment.Lines[n]);
        }
    }

    public IReadOnlyList<AuditEntry> AuditOf(string participantId) => Run(() =>
    {
        var sequences = ParticipantAudit(participantId);
        if (sequences is null) return (IReadOnlyList<AuditEntry>)[];
        var entries = new List<AuditEntry>(sequences.Count);
        foreach (var sequence in sequences.Order())
        {
            var segment = SegmentOf(sequence);
            var n = segment is null ? -1 : ((List<long>)segment.Sequences).BinarySearch(sequence);
            if (n < 0) throw new LiteException(0, $"The audit list of '{participantId}' names entry {sequence}, which is not in the trail.");
            entries.Add(RecordJson.Deserialize<AuditEntry>(segment!.Lines[n]));
        }
        return entries;
    });

    public string? GetMeta(string key) => Run(() =>
    {
        if (cache.Meta.TryGetValue(key, out var known)) return known;
        var value = db.GetCollection(LiteRecordStore.MetaCollection).FindById(key)?["v"].AsString;
        cache.Meta[key] = value;
        return value;
    });

    // ---- writes ----

    public void Insert<T>(T record) where T : class, IRecord => Write(() =>
    {
        if (Locate(T.Collection, record.Id) is not null)
            throw new UniqueKeyConflictException($"{T.Collection}/{record.Id}");
        var key = record.ParticipantId ?? "";
        var bucket = Load(T.Collection, key) ?? New(T.Collection, key);
        bucket.Put(record.Id, RecordJson.Serialize(record));
        if (!Conventional(record.Id, key))
            _idMapChanges[(T.Collection, record.Id)] = key;
    });

    public void Replace<T>(T record) where T : class, IRecord => Write(() =>
    {
        var from = Locate(T.Collection, record.Id)
            ?? throw new InvalidOperationException($"No {T.Collection} record '{record.Id}' to replace.");
        var key = record.ParticipantId ?? "";
        var json = RecordJson.Serialize(record);
        if (from.Key == key)
        {
            from.Put(record.Id, json);
            return;
        }
        from.Remove(record.Id);
        (Load(T.Collection, key) ?? New(T.Collection, key)).Put(record.Id, json);
        _idMapChanges[(T.Collection, record.Id)] = Conventional(record.Id, key) ? null : key;
    });

    public void AppendAudit(AuditEntry entry) => Write(() =>
    {
        var json = RecordJson.Serialize(entry);
        var last = LastSegment();
        AuditSegment target;
        if (last is null || entry.Sequence > last.Last)
            target = last is null || last.Full ? NewSegment(entry.Sequence) : last;
        else
        {
            var containing = SegmentOf(entry.Sequence);
            if (containing is not null && containing.Contains(entry.Sequence))
                throw new UniqueKeyConflictException($"audit/{entry.Sequence}");
            target = containing ?? NewSegment(entry.Sequence);
        }
        target.Add(entry.Sequence, json);
        if (entry.ParticipantId is { } participant)
        {
            var list = ParticipantAudit(participant);
            if (list is null) _participantAudit[participant] = list = [];
            list.Add(entry.Sequence);
            _dirtyParticipantAudit.Add(participant);
        }
    });

    public void SetMeta(string key, string value) => Write(() =>
    {
        db.GetCollection(LiteRecordStore.MetaCollection).Upsert(new BsonDocument { ["_id"] = key, ["v"] = value });
        cache.Meta[key] = value;
    });

    public void Claim(string key) => Write(() =>
    {
        var c = db.GetCollection(LiteRecordStore.ClaimCollection);
        if (c.FindById(key) is not null)
            throw new UniqueKeyConflictException(key);
        c.Insert(new BsonDocument { ["_id"] = key });
    });

    /// <summary>Writes every changed document into the LiteDB transaction (the store commits it).</summary>
    public void Flush() => Run(() =>
    {
        foreach (var ((collection, key), bucket) in _buckets)
        {
            if (bucket is not { Dirty: true }) continue;
            var c = db.GetCollection(collection);
            if (bucket.Count == 0) c.Delete(key);
            else c.Upsert(bucket.Encode());
            bucket.Dirty = false;
        }
        foreach (var ((collection, id), key) in _idMapChanges)
        {
            var map = db.GetCollection(collection + IdMapSuffix);
            if (key is null) map.Delete(id);
            else map.Upsert(new BsonDocument { ["_id"] = id, ["b"] = key });
            cache.IdMap[(collection, id)] = key;
        }
        _idMapChanges.Clear();
        var segments = db.GetCollection(LiteRecordStore.SegmentCollection);
        foreach (var segment in _segments.Values.Where(s => s.Dirty))
        {
            segments.Upsert(segment.Encode());
            segment.Dirty = false;
        }
        var index = db.GetCollection(LiteRecordStore.ParticipantAuditCollection);
        foreach (var participant in _dirtyParticipantAudit)
        {
            var sequences = new List<byte>();
            foreach (var s in _participantAudit[participant]!) Varint.Write(sequences, s);
            index.Upsert(new BsonDocument { ["_id"] = participant, ["s"] = sequences.ToArray() });
        }
        _dirtyParticipantAudit.Clear();
        return 0;
    });

    /// <summary>How many decoded documents the store's cache holds; a batch flushes and trims it when it holds many.</summary>
    public int Held => cache.Count;

    public void FlushAndForget()
    {
        Flush();
        cache.Trim();
    }

    // ---- layout ----

    /// <summary>
    /// A record's bucket is its participant's; its id then normally is the participant id or starts with it and
    /// '-' (every id the services make), so <see cref="Locate"/> finds it by trying those prefixes. Any other
    /// id is kept in the collection's id map.
    /// </summary>
    private static bool Conventional(string id, string key) =>
        key.Length == 0 || id == key || (id.Length > key.Length && id[key.Length] == '-' && id.StartsWith(key, StringComparison.Ordinal));

    private Bucket? Locate(string collection, string id)
    {
        if (_idMapChanges.TryGetValue((collection, id), out var changed))
        {
            if (changed is not null) return Load(collection, changed);
        }
        else if (MappedKey(collection, id) is { } mapped)
            return Load(collection, mapped);
        foreach (var key in Candidates(id))
            if (Load(collection, key) is { } bucket && bucket.Contains(id))
                return bucket;
        return null;
    }

    /// <summary>The bucket key the collection's id map gives <paramref name="id"/>, or null when the id is not in the map.</summary>
    private string? MappedKey(string collection, string id)
    {
        if (cache.IdMap.TryGetValue((collection, id), out var known)) return known;
        var mapped = db.GetCollection(collection + IdMapSuffix).FindById(id)?["b"].AsString;
        cache.IdMap[(collection, id)] = mapped;
        return mapped;
    }

    private static IEnumerable<string> Candidates(string id)
    {
        yield return id;
        for (var n = id.IndexOf('-'); n > 0; n = id.IndexOf('-', n + 1))
            yield return id[..n];
        yield return "";
    }

    private Bucket? Load(string collection, string key)
    {
        if (_buckets.TryGetValue((collection, key), out var cached)) return cached;
        var document = db.GetCollection(collection).FindById(key);
        var bucket = document is null ? null : Bucket.Decode(document);
        _buckets[(collection, key)] = bucket;
        cache.Loaded((collection, key));
        return bucket;
    }

    private Bucket New(string collection, string key)
    {
        var bucket = new Bucket(key);
        _buckets[(collection, key)] = bucket;
        cache.Loaded((collection, key));
        return bucket;
    }

    private AuditSegment? LastSegment()
    {
        if (cache.LastSegmentKnown) return cache.LastSegment;
        var document = db.GetCollection(LiteRecordStore.SegmentCollection).Query().OrderByDescending(Id).Limit(1).FirstOrDefault();
        cache.LastSegment = document is null ? null : Cache(AuditSegment.Decode(document));
        cache.LastSegmentKnown = true;
        return cache.LastSegment;
    }

    private AuditSegment NewSegment(long first)
    {
        var segment = Cache(new AuditSegment(first) { Dirty = true });
        if (cache.LastSegment is null || first > cache.LastSegment.First) cache.LastSegment = segment;
        cache.LastSegmentKnown = true;
        return segment;
    }

    private AuditSegment Cache(AuditSegment segment) => _segments[segment.First] = segment;

    /// <summary>The segment whose range holds <paramref name="sequence"/>: the one with the greatest first sequence at or below it.</summary>
    private AuditSegment? SegmentOf(long sequence)
    {
        var cached = _segments.Values.Where(s => s.First <= sequence).MaxBy(s => s.First);
        var document = db.GetCollection(LiteRecordStore.SegmentCollection).Query()
            .Where(BsonExpression.Create("_id <= @0", sequence)).OrderByDescending(Id).Limit(1).FirstOrDefault();
        if (document is null) return cached;
        var first = document["_id"].AsInt64;
        if (cached is not null && cached.First >= first) return cached;
        return _segments.TryGetValue(first, out var known) ? known : Cache(AuditSegment.Decode(document));
    }

    private List<long>? ParticipantAudit(string participantId)
    {
        if (_participantAudit.TryGetValue(participantId, out var cached)) return cached;
        var document = db.GetCollection(LiteRecordStore.ParticipantAuditCollection).FindById(participantId);
        var list = document is null ? null : Varint.ReadAll(document["s"].AsBinary);
        _participantAudit[participantId] = list;
        return list;
    }

    private void FlushIfWritable()
    {
        if (writable && !_ended) Flush();
    }

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
}
