using System.Text;
using LiteDB;
using ProtocolEngine.Storage.LiteDb;
using ProtocolEngine.Engine.Audit;

namespace ProtocolEngine.Tests.Storage;

/// <summary>
/// What an attacker with the database key can do to the file behind the program's back, in the store's own
/// layout: rewrite audit entries (edit, remove, insert) and records, with the file's own encoding.
/// </summary>
internal static class LiteTamper
{
    /// <summary>Replaces the whole trail with what <paramref name="change"/> makes of it (sequence and entry JSON).</summary>
    public static void RewriteAudit(LiteDatabase db, Func<List<(long Sequence, string Json)>, IEnumerable<(long Sequence, string Json)>> change)
    {
        var segments = db.GetCollection(LiteRecordStore.SegmentCollection);
        var entries = segments.FindAll().Select(AuditSegment.Decode)
            .SelectMany(s => s.Sequences.Zip(s.Lines)).Select(e => (e.First, Encoding.UTF8.GetString(e.Second.Span))).ToList();
        var changed = change(entries).OrderBy(e => e.Item1).ToList();
        segments.DeleteAll();
        AuditSegment? current = null;
        foreach (var (sequence, json) in changed)
        {
            if (current is null || current.Full)
            {
                if (current is not null) segments.Insert(current.Encode());
                current = new AuditSegment(sequence);
            }
            current.Add(sequence, Encoding.UTF8.GetBytes(json));
        }
        if (current is not null) segments.Insert(current.Encode());
    }

    /// <summary>Rewrites the JSON of every record of the collection with <paramref name="change"/>.</summary>
    public static void RewriteRecords(LiteDatabase db, string collection, Func<string, string> change)
    {
        var c = db.GetCollection(collection);
        foreach (var document in c.FindAll().ToList())
        {
            var bucket = Bucket.Decode(collection, document);
            foreach (var (id, json) in bucket.Ids.Zip(bucket.Lines).ToList())
                bucket.Put(id, Encoding.UTF8.GetBytes(change(Encoding.UTF8.GetString(json.Span))));
            c.Update(bucket.Encode());
        }
    }

    /// <summary>Removes the record with this id from whichever participant's document holds it.</summary>
    public static void RemoveRecord(LiteDatabase db, string collection, string id)
    {
        var c = db.GetCollection(collection);
        foreach (var bucket in c.FindAll().Select(d => Bucket.Decode(collection, d)).Where(b => b.Contains(id)).ToList())
        {
            bucket.Remove(id);
            if (bucket.Count == 0) c.Delete(bucket.Key);
            else c.Update(bucket.Encode());
        }
    }

    /// <summary>
    /// Rewrites the trail as <paramref name="change"/> makes of its entries, then renumbers them from 1 and recomputes every
    /// previous hash, hash and the head in meta: a rebuilt chain whose hashes are all valid, as anyone with the key can make.
    /// </summary>
    public static void Rechain(LiteDatabase db, Func<List<AuditEntry>, IEnumerable<AuditEntry>> change)
    {
        var head = AuditHead.Empty;
        RewriteAudit(db, entries =>
        {
            var rebuilt = new List<(long, string)>();
            foreach (var e in change([.. entries.Select(x => RecordJson.Deserialize<AuditEntry>(x.Json))]))
            {
                var linked = e with { Sequence = head.Sequence + 1, PreviousHash = head.Hash, Hash = "" };
                linked = linked with { Hash = AuditHasher.Compute(linked) };
                head = new AuditHead(linked.Sequence, linked.Hash);
                rebuilt.Add((linked.Sequence, RecordJson.Serialize(linked)));
            }
            return rebuilt;
        });
        SetMeta(db, AuditHead.MetaKey, head.Format());
    }

    /// <summary>Sets a meta value.</summary>
    public static void SetMeta(LiteDatabase db, string key, string value) =>
        db.GetCollection(LiteRecordStore.MetaCollection).Upsert(new BsonDocument { ["_id"] = key, ["v"] = value });

    /// <summary>A meta value, or null.</summary>
    public static string? GetMeta(LiteDatabase db, string key) => db.GetCollection(LiteRecordStore.MetaCollection).FindById(key)?["v"].AsString;

    /// <summary>Removes unique claims whose key starts with <paramref name="prefix"/>.</summary>
    public static void RemoveClaims(LiteDatabase db, string prefix)
    {
        var claims = db.GetCollection(LiteRecordStore.ClaimCollection);
        foreach (var id in claims.FindAll().Select(d => d["_id"].AsString).Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
            claims.Delete(id);
    }

    /// <summary>The JSON of every record of the collection.</summary>
    public static List<string> Records(LiteDatabase db, string collection) =>
        [.. db.GetCollection(collection).FindAll().Select(d => Bucket.Decode(collection, d)).SelectMany(b => b.Lines).Select(l => Encoding.UTF8.GetString(l.Span))];
}
