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
    private readonly Dictionary<(string Collection, string Key), Bucket> _buckets = cache.Buckets;
    private readonly HashSet<Bucket> _dirtyBuckets = [];
    private readonly HashSet<AuditSegment> _dirtySegments = [];
    private readonly HashSet<string> _dirtyMeta = new(StringComparer.Ordinal);
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
        Locate(T.Collection, id)?.Find<T>(id));

    public IReadOnlyList<T> ForParticipant<T>(string participantId) where T : class, IRecord => Run(() =>
        Load(T.Collection, participantId) is not { } bucket ? []
        // Records without a participant share the bucket "" with any whose participant id is "".
        : participantId.Length == 0 ? (IReadOnlyList<T>)[.. bucket.All<T>().Where(r => r.ParticipantId == "")]
        : bucket.All<T>());

    public IEnumerable<T> Scan<T>() where T : class, IRecord
    {
        Run(() => { FlushIfWritable(); return 0; });
        foreach (var document in Run(() => db.GetCollection(T.Collection).FindAll()))
        {
            // A bucket this store holds is what the file holds (flushed above): it need not be decompressed again.
            var bucket = _buckets.TryGetValue((T.Collection, document["_id"].AsString), out var held) ? held : Run(() => Bucket.Decode(T.Collection, document));
            foreach (var record in bucket.All<T>())
                yield return record;
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
                    yield return RecordJson.Deserialize<AuditEntry>(segment.Lines[n].Span);
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
            entries.Add(RecordJson.Deserialize<AuditEntry>(segment!.Lines[n].Span));
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
        var key = record.ParticipantId ?? "";
        if (Locate(T.Collection, record.Id, inserting: key) is not null)
            throw new UniqueKeyConflictException($"{T.Collection}/{record.Id}");
        var bucket = Load(T.Collection, key) ?? New(T.Collection, key);
        bucket.Put(record.Id, RecordJson.SerializeToUtf8(record));
        _dirtyBuckets.Add(bucket);
        if (!Conventional(record.Id, key))
            _idMapChanges[(T.Collection, record.Id)] = key;
    });

    public void Replace<T>(T record) where T : class, IRecord => Write(() =>
    {
        var from = Locate(T.Collection, record.Id)
            ?? throw new InvalidOperationException($"No {T.Collection} record '{record.Id}' to replace.");
        var key = record.ParticipantId ?? "";
        var json = RecordJson.SerializeToUtf8(record);
        _dirtyBuckets.Add(from);
        if (from.Key == key)
        {
            from.Put(record.Id, json);
            return;
        }
        from.Remove(record.Id);
        var to = Load(T.Collection, key) ?? New(T.Collection, key);
        to.Put(record.Id, json);
        _dirtyBuckets.Add(to);
        _idMapChanges[(T.Collection, record.Id)] = Conventional(record.Id, key) ? null : key;
    });

    public void AppendAudit(AuditEntry entry) => Write(() =>
    {
        var json = RecordJson.SerializeToUtf8(entry);
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
        _dirtySegments.Add(target);
        if (entry.ParticipantId is { } participant)
        {
            var list = ParticipantAudit(participant);
            if (list is null) _participantAudit[participant] = list = [];
            list.Add(entry.Sequence);
            _dirtyParticipantAudit.Add(participant);
        }
    });

    /// <summary>Kept until <see cref="Flush"/>: the audit head changes with every entry, and is written once a transaction.</summary>
    public void SetMeta(string key, string value) => Write(() =>
    {
        cache.Meta[key] = value;
        _dirtyMeta.Add(key);
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
        foreach (var bucket in _dirtyBuckets)
        {
            if (!bucket.Dirty) continue;
            var c = db.GetCollection(bucket.Collection);
            if (bucket.Count == 0)
            {
                c.Delete(bucket.Key);
                cache.Keys.GetValueOrDefault(bucket.Collection)?.Remove(bucket.Key);
            }
            else c.Upsert(bucket.Encode());
            bucket.Dirty = false;
        }
        _dirtyBuckets.Clear();
        foreach (var ((collection, id), key) in _idMapChanges)
        {
            var map = db.GetCollection(collection + IdMapSuffix);
            if (key is null) map.Delete(id);
            else
            {
                map.Upsert(new BsonDocument { ["_id"] = id, ["b"] = key });
                cache.IdMapEmpty[collection] = false;
            }
            cache.IdMap[(collection, id)] = key;
        }
        _idMapChanges.Clear();
        var segments = db.GetCollection(LiteRecordStore.SegmentCollection);
        foreach (var segment in _dirtySegments)
        {
            if (!segment.Dirty) continue;
            segments.Upsert(segment.Encode());
            segment.Dirty = false;
        }
        _dirtySegments.Clear();
        var meta = db.GetCollection(LiteRecordStore.MetaCollection);
        foreach (var key in _dirtyMeta)
            meta.Upsert(new BsonDocument { ["_id"] = key, ["v"] = cache.Meta[key] });
        _dirtyMeta.Clear();
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

    /// <summary>
    /// The bucket holding <paramref name="id"/>, or null. <paramref name="inserting"/> (the new record's own key) marks
    /// the check that an id is free: it tries every key the id could sit under, and the keys that are not the
    /// record's own are looked up in the collection's key list rather than one by one in the file (an id such
    /// as <c>P-0001-D017</c> is never a participant's key, and asking the file each time is most of an insert).
    /// </summary>
    private Bucket? Locate(string collection, string id, string? inserting = null)
    {
        if (_idMapChanges.TryGetValue((collection, id), out var changed))
        {
            if (changed is not null) return Load(collection, changed);
        }
        else if (MappedKey(collection, id) is { } mapped)
            return Load(collection, mapped);
        var keys = inserting is null ? cache.Keys.GetValueOrDefault(collection) : Keys(collection);
        foreach (var key in Candidates(id))
        {
            if (key != inserting && keys is not null && !keys.Contains(key)) continue;
            if (Load(collection, key) is { } bucket && bucket.Contains(id))
                return bucket;
        }
        return null;
    }

    /// <summary>The keys of the collection's buckets, read once from its primary index (no document is read) and kept up to date.</summary>
    private HashSet<string> Keys(string collection)
    {
        if (cache.Keys.TryGetValue(collection, out var keys)) return keys;
        keys = new HashSet<string>(StringComparer.Ordinal);
        if (db.CollectionExists(collection))
            foreach (var document in db.GetCollection(collection).Query().Select(KeyOnly).ToEnumerable())
                keys.Add(document["_id"].AsString);
        foreach (var held in _buckets.Values)
            if (held.Collection == collection && held.Count > 0) keys.Add(held.Key);
        cache.Keys[collection] = keys;
        return keys;
    }

    private static readonly BsonExpression KeyOnly = BsonExpression.Create("{ _id }");

    /// <summary>The bucket key the collection's id map gives <paramref name="id"/>, or null when the id is not in the map.</summary>
    private string? MappedKey(string collection, string id)
    {
        if (cache.IdMap.TryGetValue((collection, id), out var known)) return known;
        // Most collections never need their map: a lookup then costs nothing and leaves nothing in the cache.
        if (IdMapEmpty(collection)) return null;
        var mapped = db.GetCollection(collection + IdMapSuffix).FindById(id)?["b"].AsString;
        cache.IdMap[(collection, id)] = mapped;
        return mapped;
    }

    private bool IdMapEmpty(string collection)
    {
        if (cache.IdMapEmpty.TryGetValue(collection, out var empty)) return empty;
        var name = collection + IdMapSuffix;
        empty = !db.CollectionExists(name) || db.GetCollection(name).Count() == 0;
        cache.IdMapEmpty[collection] = empty;
        return empty;
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
        if (cache.NoBucket.Contains((collection, key))) return null;
        var document = db.GetCollection(collection).FindById(key);
        if (document is null)
        {
            cache.NoBucketAt((collection, key));
            return null;
        }
        var bucket = Bucket.Decode(collection, document);
        _buckets[(collection, key)] = bucket;
        cache.Loaded((collection, key));
        return bucket;
    }

    private Bucket New(string collection, string key)
    {
        var bucket = new Bucket(collection, key);
        cache.NoBucket.Remove((collection, key));
        cache.Keys.GetValueOrDefault(collection)?.Add(key);
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
