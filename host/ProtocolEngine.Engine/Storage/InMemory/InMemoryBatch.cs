namespace ProtocolEngine.Engine.Storage.InMemory;

/// <summary>An open <see cref="InMemoryRecordStore.Batch{T}"/>: the state its writes have left so far, and the first of them that failed.</summary>
internal sealed class InMemoryBatch(InMemoryState start)
{
    private readonly int _thread = Environment.CurrentManagedThreadId;
    private Exception? _failed;

    public InMemoryState State { get; set; } = start;

    public bool OnOwnThread => Environment.CurrentManagedThreadId == _thread;

    public void Fail(Exception ex) => _failed ??= ex;

    public void ThrowIfFailed()
    {
        if (_failed is not null)
            throw new InvalidOperationException($"The batch was rolled back: a write in it failed ({_failed.Message}).", _failed);
    }
}
