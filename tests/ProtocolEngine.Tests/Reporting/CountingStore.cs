namespace ProtocolEngine.Tests.Reporting;

/// <summary>A store that counts what is asked of it: reads, and per collection the scans and the lookups.</summary>
internal sealed class CountingStore(IRecordStore inner) : IRecordStore
{
    public int Reads { get; private set; }
    public Dictionary<string, int> Scans { get; } = [];
    public int Lookups { get; private set; }

    public void Reset()
    {
        Reads = 0;
        Lookups = 0;
        Scans.Clear();
    }

    public string Location => inner.Location;
    public T Read<T>(Func<IRecordReader, T> read)
    {
        Reads++;
        return inner.Read(r => read(new Reader(this, r)));
    }

    public T Write<T>(Func<IRecordWriter, T> write) => inner.Write(write);
    public T Batch<T>(Func<T> run) => inner.Batch(run);
    public void Dispose() { }

    private sealed class Reader(CountingStore owner, IRecordReader r) : IRecordReader
    {
        public IReadOnlyList<T> All<T>() where T : class, IRecord { owner.Lookups++; return r.All<T>(); }
        public T? Find<T>(string id) where T : class, IRecord { owner.Lookups++; return r.Find<T>(id); }
        public IReadOnlyList<T> ForParticipant<T>(string participantId) where T : class, IRecord { owner.Lookups++; return r.ForParticipant<T>(participantId); }
        public IEnumerable<T> Scan<T>() where T : class, IRecord
        {
            owner.Scans[typeof(T).Name] = owner.Scans.GetValueOrDefault(typeof(T).Name) + 1;
            return r.Scan<T>();
        }

        public int Count<T>() where T : class, IRecord { owner.Lookups++; return r.Count<T>(); }
        public IEnumerable<AuditEntry> Audit(long fromSequence = 1) => r.Audit(fromSequence);
        public IReadOnlyList<AuditEntry> AuditOf(string participantId) => r.AuditOf(participantId);
        public string? GetMeta(string key) => r.GetMeta(key);
    }
}
