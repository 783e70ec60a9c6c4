using LiteDB;
using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Storage.LiteDb;

/// <summary>
/// All the records of one collection that belong to one participant (key: the participant id; "" for
/// records without one), as one document: <c>{ _id: key, i: [ids], z: Brotli(JSON lines) }</c>. Ids and lines
/// are in ordinal id order; each line is a record's exact RecordJson text in UTF-8 (which never holds a raw
/// newline). A participant's records of a kind are read and written together, and compress well together.
/// Every read deserializes a new object (the store's contract: changing a returned record changes nothing stored).
/// </summary>
internal sealed class Bucket(string collection, string key)
{
    private readonly List<string> _ids = [];
    private readonly List<ReadOnlyMemory<byte>> _lines = [];

    public string Collection => collection;
    public string Key => key;
    public int Count => _ids.Count;
    public bool Dirty { get; set; }
    public IReadOnlyList<string> Ids => _ids;
    public IReadOnlyList<ReadOnlyMemory<byte>> Lines => _lines;

    public static Bucket Decode(string collection, BsonDocument document)
    {
        var bucket = new Bucket(collection, document["_id"].AsString);
        var ids = document["i"].AsArray;
        var lines = Codec.Decompress(document["z"].AsBinary);
        if (lines.Count != ids.Count)
            throw new LiteException(0, $"Damaged record bucket '{bucket.Key}': {ids.Count} ids but {lines.Count} records.");
        for (var n = 0; n < ids.Count; n++)
        {
            bucket._ids.Add(ids[n].AsString);
            bucket._lines.Add(lines[n]);
        }
        return bucket;
    }

    public BsonDocument Encode() => new()
    {
        ["_id"] = key,
        ["i"] = new BsonArray(_ids.Select(id => new BsonValue(id))),
        ["z"] = Codec.Compress(_lines, Codec.Fast),
    };

    public T? Find<T>(string id) where T : class
    {
        var n = IndexOf(id);
        return n >= 0 ? Get<T>(n) : null;
    }

    /// <summary>The bucket's records in id order.</summary>
    public List<T> All<T>() where T : class
    {
        var all = new List<T>(_ids.Count);
        for (var n = 0; n < _ids.Count; n++) all.Add(Get<T>(n));
        return all;
    }

    public bool Contains(string id) => IndexOf(id) >= 0;

    /// <summary>Adds or replaces the record's line (its RecordJson text in UTF-8).</summary>
    public void Put(string id, byte[] json)
    {
        var n = IndexOf(id);
        if (n >= 0)
        {
            _lines[n] = json;
        }
        else
        {
            n = ~n;
            _ids.Insert(n, id);
            _lines.Insert(n, json);
        }
        Dirty = true;
    }

    public void Remove(string id)
    {
        var n = IndexOf(id);
        if (n < 0) return;
        _ids.RemoveAt(n);
        _lines.RemoveAt(n);
        Dirty = true;
    }

    private T Get<T>(int n) where T : class => RecordJson.Deserialize<T>(_lines[n].Span);

    private int IndexOf(string id)
    {
        int lo = 0, hi = _ids.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = string.CompareOrdinal(_ids[mid], id);
            if (c == 0) return mid;
            if (c < 0) lo = mid + 1; else hi = mid - 1;
        }
        return ~lo;
    }
}
