namespace ProtocolEngine.Storage.LiteDb;

/// <summary>
/// What the store's transactions decoded, kept from one transaction to the next: participants' record buckets, the
/// collections' id-map answers, the participants' audit lists, meta values and the last audit segment. It is
/// coherent because no one else writes the file while the store has it open (a writing store holds the file lock
/// exclusively, a read-only one shares it only with readers). A transaction changes what it holds in place, so a
/// rolled-back transaction clears it (<see cref="Clear"/>); after a commit it is trimmed to a bounded size, the
/// least-recent half of the buckets going first, so no command comes to hold the database in memory.
/// </summary>
internal sealed class StoreCache
{
    /// <summary>Entries kept after a commit (buckets, id answers and audit lists together).</summary>
    public const int Limit = 40_000;

    public Dictionary<(string Collection, string Key), Bucket> Buckets { get; } = [];

    /// <summary>Bucket keys known to have no document (ids tried as participant keys when checking an id is free); bounded, never counted as held.</summary>
    public HashSet<(string Collection, string Key)> NoBucket { get; } = [];

    /// <summary>Each collection's bucket keys, once an insert needed them (<c>LiteRecordWriter.Keys</c>).</summary>
    public Dictionary<string, HashSet<string>> Keys { get; } = new(StringComparer.Ordinal);

    /// <summary>Collections whose id map is known to be empty (true) or not (false).</summary>
    public Dictionary<string, bool> IdMapEmpty { get; } = new(StringComparer.Ordinal);

    private const int NoBucketLimit = 200_000;

    public void NoBucketAt((string Collection, string Key) key)
    {
        if (NoBucket.Count >= NoBucketLimit) NoBucket.Clear();
        NoBucket.Add(key);
    }
    public Dictionary<(string Collection, string Id), string?> IdMap { get; } = [];
    public Dictionary<string, List<long>?> ParticipantAudit { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string?> Meta { get; } = new(StringComparer.Ordinal);
    public Dictionary<long, AuditSegment> Segments { get; } = [];
    public AuditSegment? LastSegment { get; set; }
    public bool LastSegmentKnown { get; set; }

    /// <summary>Bucket keys in the order they were first loaded since the last trim (the trim's idea of "least recent").</summary>
    private readonly Queue<(string Collection, string Key)> _loaded = new();

    public int Count => Buckets.Count + IdMap.Count + ParticipantAudit.Count + Segments.Count;

    public void Loaded((string Collection, string Key) key) => _loaded.Enqueue(key);

    public void Clear()
    {
        Buckets.Clear();
        NoBucket.Clear();
        Keys.Clear();
        IdMapEmpty.Clear();
        IdMap.Clear();
        ParticipantAudit.Clear();
        Meta.Clear();
        Segments.Clear();
        _loaded.Clear();
        LastSegment = null;
        LastSegmentKnown = false;
    }

    /// <summary>After a commit: keeps the last audit segment only, and when over <see cref="Limit"/> forgets the oldest half of the buckets and every id answer and audit list.</summary>
    public void Trim()
    {
        foreach (var first in Segments.Keys.Where(k => !ReferenceEquals(Segments[k], LastSegment)).ToList())
            Segments.Remove(first);
        if (Count <= Limit) return;
        IdMap.Clear();
        ParticipantAudit.Clear();
        while (Buckets.Count > Limit / 2 && _loaded.TryDequeue(out var key))
            Buckets.Remove(key);
        if (Buckets.Count > Limit / 2)
        {
            Buckets.Clear();
            _loaded.Clear();
        }
    }
}
