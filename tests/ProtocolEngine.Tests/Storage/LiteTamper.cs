using System.Text;
using LiteDB;
using ProtocolEngine.Storage.LiteDb;

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

    /// <summary>The JSON of every record of the collection.</summary>
    public static List<string> Records(LiteDatabase db, string collection) =>
        [.. db.GetCollection(collection).FindAll().Select(d => Bucket.Decode(collection, d)).SelectMany(b => b.Lines).Select(l => Encoding.UTF8.GetString(l.Span))];
}
