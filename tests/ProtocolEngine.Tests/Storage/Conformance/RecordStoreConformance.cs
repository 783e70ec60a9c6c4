using ProtocolEngine.CrashWriter;
using ProtocolEngine.Engine.Audit;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Tests.Records.Support;
using Xunit.Abstractions;

namespace ProtocolEngine.Tests.Storage.Conformance;

/// <summary>
/// The guarantees of <see cref="IRecordStore"/>, written once against the interfaces: atomic writes,
/// exact records, unique claims, the audit chain, concurrent writers, isolated readers, and a crash
/// during a write. A store gets the whole suite with one class that derives from this one and
/// implements its hooks: <see cref="CreateStore"/> (a new, empty store), <see cref="Reopen"/> (close
/// and open the same data again, as a restart would) and <see cref="WriteAndCrash"/>.
/// <para>
/// Why the crash is the store's hook: what survives a crash depends on where the store keeps an open
/// transaction and what dies with its client, so the suite describes the crash (<see cref="CrashBatch"/>
/// cut off at a <see cref="CrashMoment"/>) and checks what is left, and the store makes it happen. A
/// database file is written by a child process killed with SIGKILL (<see cref="CrashWriterProcess"/>);
/// a server database (PostgreSQL) does the same with its client: it adds its kind of store to the
/// CrashWriter program's <c>Open</c>, kills that process the same way, and its server must then drop the
/// lost connection's transaction. The in-memory store, whose data ends with its process, can only have
/// a write cut off by an exception escaping it.
/// </para>
/// </summary>
public abstract partial class RecordStoreConformance(ITestOutputHelper output) : IDisposable
{
    private readonly Lock _storeGate = new();
    private IRecordStore? _store;

    protected ITestOutputHelper Output => output;

    /// <summary>The clock of the audited writes in the suite.</summary>
    protected TestClock Clock { get; } = new(new DateTimeOffset(2026, 9, 7, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The store under test, created on first use (by whichever racing thread comes first).</summary>
    protected IRecordStore Store
    {
        get
        {
            lock (_storeGate) return _store ??= CreateStore();
        }
    }

    /// <summary>A new, empty store.</summary>
    protected abstract IRecordStore CreateStore();

    /// <summary>Closes <paramref name="store"/> and opens its data again, as a restarted program would; a store without lasting data returns it as it is.</summary>
    protected abstract IRecordStore Reopen(IRecordStore store);

    /// <summary>
    /// Has <see cref="CrashBatch.Write"/> run as one Write by a client of this store's data that ends
    /// abruptly at <paramref name="moment"/>, and returns the store to go on with (reopened where the
    /// client was another process). <paramref name="attempt"/> numbers the tries at one moment, so a
    /// store can spread its crashes over it.
    /// </summary>
    protected abstract IRecordStore WriteAndCrash(IRecordStore store, CrashMoment moment, int attempt);

    /// <summary>Frees what the store's data needs beyond the store (files, folders); after the store is disposed.</summary>
    protected virtual void DeleteData() { }

    public void Dispose()
    {
        lock (_storeGate) _store?.Dispose();
        DeleteData();
        GC.SuppressFinalize(this);
    }

    protected void ReopenStore() => ReplaceStore(Reopen(Store));

    /// <summary>Goes on with <paramref name="store"/> (the one a hook returned) as the store under test.</summary>
    protected void ReplaceStore(IRecordStore store)
    {
        lock (_storeGate) _store = store;
    }

    protected static SampleRecord Sample(string id, string? participant = null, int position = 0) => new()
    {
        Id = id, ParticipantId = participant, Position = position, Text = $"sample {id}",
    };

    /// <summary>Records are equal when their RecordJson texts are (a record's own equality compares its lists by reference).</summary>
    protected static void AssertSame(IEnumerable<SampleRecord> expected, IEnumerable<SampleRecord?> actual) =>
        Assert.Equal(expected.Select(e => RecordJson.Serialize(e)), actual.Select(a => a is null ? "(none)" : RecordJson.Serialize(a)));

    protected static void AssertSame(SampleRecord expected, SampleRecord? actual) => AssertSame([expected], [actual]);

    protected void Save(params SampleRecord[] samples) => Store.Write(w =>
    {
        foreach (var s in samples) w.Insert(s);
        return 0;
    });

    /// <summary>An audit entry as the raw writer takes it (not chained: the store does not check the chain).</summary>
    protected static AuditEntry Entry(long sequence, string action = "test") => new()
    {
        Sequence = sequence, TimestampUtc = new DateTimeOffset(2026, 9, 7, 9, 0, 0, TimeSpan.Zero), User = "coordinator", Action = action,
        Collection = SampleRecord.Collection, RecordId = $"r{sequence}", ProtocolHash = "protocol-hash", PreviousHash = AuditHasher.Genesis, Hash = $"h{sequence}",
    };

    protected static Participant Person(string id, string initials = "AB") => new()
    {
        Id = id, SiteId = "mch", Initials = initials, BirthYear = 1960, Sex = Sex.Female, RegisteredOn = new DateOnly(2026, 9, 7), ProtocolHash = "protocol-hash",
    };

    protected AuditedWriter Audited(IRecordWriter writer, string user = "coordinator") => new(writer, user, "protocol-hash", Clock);

    /// <summary>Whether the key is taken, found by claiming it in a write that is then rolled back.</summary>
    protected bool IsClaimed(string key) => IsClaimed(Store, key);

    protected static bool IsClaimed(IRecordStore store, string key)
    {
        try
        {
            return store.Write<bool>(w =>
            {
                try { w.Claim(key); }
                catch (UniqueKeyConflictException) { return true; }
                throw new WriteAborted();
            });
        }
        catch (WriteAborted)
        {
            return false;
        }
    }

    /// <summary>What a test throws to make a write fail.</summary>
    protected sealed class WriteAborted() : Exception("The test aborted this write.");
}
