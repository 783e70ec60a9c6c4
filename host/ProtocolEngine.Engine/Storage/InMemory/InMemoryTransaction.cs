namespace ProtocolEngine.Engine.Storage.InMemory;

/// <summary>
/// One write to an in-memory database: it changes its own version of the state, which the store
/// publishes when the write returns and drops when it throws. Each call checks before it changes
/// anything, so a refused call leaves the write as it was.
/// </summary>
internal sealed class InMemoryTransaction(InMemoryState start) : IRecordWriter
{
    private readonly int _thread = Environment.CurrentManagedThreadId;
    private bool _ended;

    /// <summary>The state as this write has left it so far.</summary>
    public InMemoryState State { get; private set; } = start;

    /// <summary>True when the calling thread is the one this write runs on.</summary>
    public bool OnOwnThread => Environment.CurrentManagedThreadId == _thread;

    /// <summary>The Write this transaction belongs to has ended; it writes no more.</summary>
    public void End() => _ended = true;

    public IReadOnlyList<T> All<T>() where T : class, IRecord => Reader.All<T>();
    public T? Find<T>(string id) where T : class, IRecord => Reader.Find<T>(id);
    public IReadOnlyList<T> ForParticipant<T>(string participantId) where T : class, IRecord => Reader.ForParticipant<T>(participantId);
    public IEnumerable<T> Scan<T>() where T : class, IRecord => Reader.Scan<T>();
    public int Count<T>() where T : class, IRecord => Reader.Count<T>();
    public IEnumerable<AuditEntry> Audit(long fromSequence = 1) => Reader.Audit(fromSequence);
    public IReadOnlyList<AuditEntry> AuditOf(string participantId) => Reader.AuditOf(participantId);
    public string? GetMeta(string key) => Reader.GetMeta(key);

    public void Insert<T>(T record) where T : class, IRecord
    {
        Demand();
        var document = Document(record);
        var documents = State.Collection(T.Collection);
        if (documents.ContainsKey(record.Id))
            throw new UniqueKeyConflictException($"{T.Collection}/{record.Id}");
        State = State.WithCollection(T.Collection, documents.Add(record.Id, document));
    }

    public void Replace<T>(T record) where T : class, IRecord
    {
        Demand();
        var document = Document(record);
        var documents = State.Collection(T.Collection);
        if (!documents.ContainsKey(record.Id))
            throw new InvalidOperationException($"No {T.Collection} record '{record.Id}' to replace.");
        State = State.WithCollection(T.Collection, documents.SetItem(record.Id, document));
    }

    public void AppendAudit(AuditEntry entry)
    {
        Demand();
        var json = RecordJson.Serialize(entry);
        if (State.Audit.ContainsKey(entry.Sequence))
            throw new UniqueKeyConflictException($"audit/{entry.Sequence}");
        State = State with { Audit = State.Audit.Add(entry.Sequence, json) };
    }

    public void SetMeta(string key, string value)
    {
        Demand();
        State = State with { Meta = State.Meta.SetItem(key, value) };
    }

    public void Claim(string key)
    {
        Demand();
        if (State.Claims.Contains(key))
            throw new UniqueKeyConflictException(key);
        State = State with { Claims = State.Claims.Add(key) };
    }

    private InMemoryRecordReader Reader => new(State);

    private static InMemoryDocument Document<T>(T record) where T : class, IRecord =>
        new(record.ParticipantId, RecordJson.Serialize(record));

    private void Demand()
    {
        if (_ended)
            throw new InvalidOperationException("This store writer belongs to a Write that has ended.");
        if (!OnOwnThread)
            throw new InvalidOperationException("A store writer writes only on the thread that called Write.");
    }
}
