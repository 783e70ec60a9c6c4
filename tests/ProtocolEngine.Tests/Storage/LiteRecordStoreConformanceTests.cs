using ProtocolEngine.Storage.LiteDb;
using ProtocolEngine.CrashWriter;
using ProtocolEngine.Tests.Storage.Conformance;
using ProtocolEngine.Tests.Support;
using Xunit.Abstractions;

namespace ProtocolEngine.Tests.Storage;

/// <summary>The store conformance suite on an encrypted LiteDB file; a crash is a writer process killed with SIGKILL.</summary>
public sealed class LiteRecordStoreConformanceTests(ITestOutputHelper output) : RecordStoreConformance(output)
{
    private const string Key = "conformance-key-0123";
    private readonly TempDirectory _dir = new();

    private string DbPath => _dir.File("trial.db");

    protected override IRecordStore CreateStore() => LiteRecordStore.Create(DbPath, Key);

    protected override IRecordStore Reopen(IRecordStore store)
    {
        store.Dispose();
        return LiteRecordStore.Open(DbPath, Key);
    }

    /// <summary>
    /// The writer process needs the file's lock, so the test closes the file while it runs. Committing
    /// the batch took about 30 ms on a 2-core machine: the kills while committing are spread over it.
    /// </summary>
    protected override IRecordStore WriteAndCrash(IRecordStore store, CrashMoment moment, int attempt)
    {
        store.Dispose();
        CrashWriterProcess.KillAt(moment, TimeSpan.FromMilliseconds(7 * attempt), "lite", DbPath, Key);
        return LiteRecordStore.Open(DbPath, Key);
    }

    protected override void DeleteData() => _dir.Dispose();
}
