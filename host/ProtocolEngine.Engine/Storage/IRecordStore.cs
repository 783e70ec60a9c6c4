namespace ProtocolEngine.Engine.Storage;

/// <summary>
/// The trial database as the domain sees it. <c>Storage/LiteRecordStore</c> (one encrypted file) and
/// <c>Storage/InMemoryRecordStore</c> implement it; a server database can implement it later. Every
/// store keeps these guarantees, and shows it by passing the conformance suite
/// (<c>tests/ProtocolEngine.Tests/Storage/Conformance/RecordStoreConformance</c>):
/// <list type="bullet">
/// <item>Each <see cref="Write{T}"/> is one atomic transaction: when its callback throws, nothing it did
/// remains (records, audit entries, meta, claims), and a crash during it leaves all of it or none.</item>
/// <item>Writes are serialized: one writer at a time, also across threads.</item>
/// <item>A <see cref="Read{T}"/> sees committed state only: all of it from before a write or all of it from after.</item>
/// <item>A Write inside a Write on the same thread is refused (<see cref="InvalidOperationException"/>); a Read
/// inside a Write on the same thread reads through that write, its own changes included.</item>
/// <item>The writer given to a Write writes only on that thread and only until the Write returns.</item>
/// <item>After <see cref="IDisposable.Dispose"/>, Read and Write throw <see cref="ObjectDisposedException"/>.</item>
/// </list>
/// </summary>
public interface IRecordStore : IDisposable
{
    /// <summary>Where the data lives (file path or connection description) for messages.</summary>
    string Location { get; }

    /// <summary>Runs <paramref name="read"/> on committed state and returns its result.</summary>
    T Read<T>(Func<IRecordReader, T> read);

    /// <summary>Runs <paramref name="write"/> as one atomic transaction, committed when it returns, rolled back when it throws.</summary>
    T Write<T>(Func<IRecordWriter, T> write);

    /// <summary>
    /// Runs <paramref name="run"/> with every <see cref="Write{T}"/> it makes on this thread joined into one
    /// transaction, committed when <paramref name="run"/> returns: for bulk work (the demo) that would otherwise
    /// commit thousands of times. All or nothing: when <paramref name="run"/> throws, or any Write inside it
    /// throws (even if <paramref name="run"/> catches it), nothing of the batch remains, and Batch throws.
    /// Reads inside see the batch's writes; other threads see none of them until the batch commits.
    /// A Batch inside a Write or a Batch is refused (<see cref="InvalidOperationException"/>).
    /// </summary>
    T Batch<T>(Func<T> run);
}
