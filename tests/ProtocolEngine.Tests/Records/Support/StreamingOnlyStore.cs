namespace ProtocolEngine.Tests.Records.Support;

/// <summary>
/// A store that lets readers only stream: a whole-table read (All) throws, and so does any read made while a scan or
/// the trail is being enumerated (a store may hold a cursor open for it). It counts what was read, to show that
/// a command streamed. Writes go through to the store beneath.
/// </summary>
public sealed class StreamingOnlyStore(IRecordStore inner) : IRecordStore
{
    public int Scans { get; private set; }
    public int TrailReads { get; private set; }

    public string Location => inner.Location;
    public T Read<T>(Func<IRecordReader, T> read) => inner.Read(r => read(new Reader(this, r)));
    public T Write<T>(Func<IRecordWriter, T> write) => inner.Write(write);
    public T Batch<T>(Func<T> run) => inner.Batch(run);
    public void Dispose() => inner.Dispose();

    private sealed class Reader(StreamingOnlyStore owner, IRecordReader r) : IRecordReader
    {
        private int _open;

        public IReadOnlyList<T> All<T>() where T : class, IRecord =>
            throw new InvalidOperationException($"All<{typeof(T).Name}>() reads a whole table; stream it with Scan.");

        public T? Find<T>(string id) where T : class, IRecord => Guard(() => r.Find<T>(id));
        public IReadOnlyList<T> ForParticipant<T>(string participantId) where T : class, IRecord => Guard(() => r.ForParticipant<T>(participantId));
        public int Count<T>() where T : class, IRecord => Guard(r.Count<T>);
        public IReadOnlyList<AuditEntry> AuditOf(string participantId) => Guard(() => r.AuditOf(participantId));
        public string? GetMeta(string key) => Guard(() => r.GetMeta(key));

        public IEnumerable<T> Scan<T>() where T : class, IRecord
        {
            Guard(() => owner.Scans++);
            return Open(r.Scan<T>());
        }

        public IEnumerable<AuditEntry> Audit(long fromSequence = 1)
        {
            Guard(() => owner.TrailReads++);
            return Open(r.Audit(fromSequence));
        }

        private IEnumerable<T> Open<T>(IEnumerable<T> source)
        {
            Guard(() => 0);
            _open++;
            try
            {
                foreach (var x in source) yield return x;
            }
            finally
            {
                _open--;
            }
        }

        private T Guard<T>(Func<T> read) => _open == 0 ? read()
            : throw new InvalidOperationException("A read was made while a scan or the trail was being enumerated.");
    }
}
