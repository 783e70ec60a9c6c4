namespace ProtocolEngine.Engine.Storage.InMemory;

/// <summary>
/// A trial database held in memory, with the guarantees of <see cref="IRecordStore"/>: records are kept
/// as their exact RecordJson text (never the caller's objects); a Write works on its own immutable
/// version of the data and publishes it whole when it returns, so a write that throws leaves nothing
/// behind and a Read, which takes the published version, sees all of a write or none of it. One writer
/// at a time. Nothing outlives the instance: for unit tests of the services, and anything else that
/// needs a trial without a file.
/// </summary>
public sealed class InMemoryRecordStore : IRecordStore
{
    private readonly Lock _gate = new();
    private InMemoryState _committed = InMemoryState.Empty;
    private InMemoryTransaction? _open;
    private InMemoryBatch? _batch;
    private volatile bool _disposed;

    public string Location => "memory";

    public T Read<T>(Func<IRecordReader, T> read)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var open = Volatile.Read(ref _open);
        var batch = Volatile.Read(ref _batch);
        var state = open is not null && open.OnOwnThread ? open.State
            : batch is not null && batch.OnOwnThread ? batch.State
            : Volatile.Read(ref _committed);
        return read(new InMemoryRecordReader(state));
    }

    public T Write<T>(Func<IRecordWriter, T> write)
    {
        if (_batch is { } batch && batch.OnOwnThread)
            return WriteInBatch(batch, write);
        if (_gate.IsHeldByCurrentThread)
            throw new InvalidOperationException("A store transaction is already open on this thread.");
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var transaction = new InMemoryTransaction(_committed);
            Volatile.Write(ref _open, transaction);
            try
            {
                var result = write(transaction);
                transaction.End();
                Volatile.Write(ref _committed, transaction.State);
                return result;
            }
            finally
            {
                transaction.End();
                Volatile.Write(ref _open, null);
            }
        }
    }

    public T Batch<T>(Func<T> run)
    {
        if (_gate.IsHeldByCurrentThread)
            throw new InvalidOperationException("A store transaction is already open on this thread.");
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var batch = new InMemoryBatch(_committed);
            Volatile.Write(ref _batch, batch);
            try
            {
                var result = run();
                batch.ThrowIfFailed();
                Volatile.Write(ref _committed, batch.State);
                return result;
            }
            finally
            {
                Volatile.Write(ref _batch, null);
            }
        }
    }

    private T WriteInBatch<T>(InMemoryBatch batch, Func<IRecordWriter, T> write)
    {
        if (_open is { } open && open.OnOwnThread)
            throw new InvalidOperationException("A store transaction is already open on this thread.");
        ObjectDisposedException.ThrowIf(_disposed, this);
        batch.ThrowIfFailed();
        var transaction = new InMemoryTransaction(batch.State);
        Volatile.Write(ref _open, transaction);
        try
        {
            var result = write(transaction);
            transaction.End();
            batch.State = transaction.State;
            return result;
        }
        catch (Exception ex)
        {
            batch.Fail(ex);
            throw;
        }
        finally
        {
            transaction.End();
            Volatile.Write(ref _open, null);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _committed = InMemoryState.Empty;
        }
    }
}
