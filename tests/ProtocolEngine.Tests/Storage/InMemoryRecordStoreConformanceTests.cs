using ProtocolEngine.CrashWriter;
using ProtocolEngine.Engine.Storage.InMemory;
using ProtocolEngine.Tests.Storage.Conformance;
using Xunit.Abstractions;

namespace ProtocolEngine.Tests.Storage;

/// <summary>
/// The store conformance suite on <see cref="InMemoryRecordStore"/>. Its data lives in the instance,
/// so reopening keeps the instance, and the only crash a write can have is an exception escaping it.
/// </summary>
public sealed class InMemoryRecordStoreConformanceTests(ITestOutputHelper output) : RecordStoreConformance(output)
{
    protected override IRecordStore CreateStore() => new InMemoryRecordStore();

    protected override IRecordStore Reopen(IRecordStore store) => store;

    protected override IRecordStore WriteAndCrash(IRecordStore store, CrashMoment moment, int attempt)
    {
        try
        {
            store.Write(w =>
            {
                CrashBatch.Write(w, Clock, () =>
                {
                    if (moment == CrashMoment.InsideWrite) throw new WriteAborted();
                });
                return moment == CrashMoment.WhileCommitting ? throw new WriteAborted() : 0;
            });
        }
        catch (WriteAborted)
        {
        }
        return store;
    }
}
