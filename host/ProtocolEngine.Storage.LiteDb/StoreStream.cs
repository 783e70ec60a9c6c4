namespace ProtocolEngine.Storage.LiteDb;

/// <summary>
/// The one stream LiteDB reads and writes a database file (or its journal) through, so that what the store promises
/// about the file holds whatever LiteDB tries:
/// <list type="bullet">
/// <item>Opened to read only, it is a read-only file handle that also shows only the file's whole pages: no write, no
/// truncation (LiteDB crops a trailing partial page on open, and marks a file it finds damaged), can reach the file, so
/// a read-only command leaves it byte for byte as it was, damaged or not.</item>
/// <item>Opened to write, it writes unbuffered (an error is the write's, not a later flush's) and stops at the first
/// failure (<see cref="WriteGate"/>): after a full disk nothing more is written, not LiteDB's rollback bookkeeping, not a
/// checkpoint, so the files stay as the last complete transaction left them.</item>
/// <item>The data file is written only while the gate allows it (opening, the store's own checkpoints); LiteDB otherwise
/// writes only its journal.</item>
/// </list>
/// </summary>
internal sealed class StoreStream : Stream
{
    private const int PageSize = 8192;
    private readonly FileStream _file;
    private readonly WriteGate? _gate;
    private readonly bool _data;

    private StoreStream(FileStream file, WriteGate? gate, bool data)
    {
        _file = file;
        _gate = gate;
        _data = data;
    }

    /// <summary>The file opened to read only (it must exist).</summary>
    public static StoreStream ReadOnly(string path) =>
        new(new FileStream(path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.ReadWrite, BufferSize = 0 }), null, data: true);

    /// <summary>The file opened to read and write through <paramref name="gate"/>; created 0600 when <paramref name="create"/>.</summary>
    public static StoreStream Writable(string path, WriteGate gate, bool data, bool create)
    {
        var options = Engine.Storage.OwnerOnlyFiles.Options(create ? FileMode.OpenOrCreate : FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        options.BufferSize = 0;
        return new StoreStream(new FileStream(path, options), gate, data);
    }

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => _gate is not null;

    /// <summary>Read only: the whole pages only, so LiteDB never sees (and never crops) a partial page at the end.</summary>
    public override long Length => _gate is null ? _file.Length - _file.Length % PageSize : _file.Length;

    public override long Position { get => _file.Position; set => _file.Position = value; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_gate is null)
        {
            // Never past the whole pages shown as the length.
            var left = Length - _file.Position;
            if (left <= 0) return 0;
            count = (int)Math.Min(count, left);
        }
        return _file.Read(buffer, offset, count);
    }

    public override long Seek(long offset, SeekOrigin origin) => _file.Seek(offset, origin);

    public override void Write(byte[] buffer, int offset, int count) => Change(() => _file.Write(buffer, offset, count));

    public override void SetLength(long value) => Change(() => _file.SetLength(value));

    /// <summary>
    /// LiteDB flushes the data file each time it opens a stream on it (its encryption layer does so on creation), also
    /// to read a page: outside a checkpoint every write to the data file is refused, so there is nothing to flush then,
    /// and such a flush is no write.
    /// </summary>
    public override void Flush()
    {
        if (_gate is null || (_data && !_gate.DataAllowed)) return;
        Change(() => _file.Flush(flushToDisk: true));
    }

    /// <summary>
    /// A write that fails (a full disk) is recorded in the gate and not thrown, and every later one is skipped: LiteDB
    /// then finishes what it was doing in memory (its transaction ends normally, so no half-ended transaction is left
    /// to its finalizer) while nothing more reaches the disk; the store sees the gate's fault and refuses the change.
    /// </summary>
    private void Change(Action change)
    {
        if (_gate is null)
            throw new NotSupportedException($"'{_file.Name}' is open to read only; nothing is written to it.");
        if (!_gate.Before(_data, _file.Name)) return;
        try
        {
            change();
        }
        catch (IOException ex)
        {
            _gate.Failed(ex);
        }
    }

    /// <summary>
    /// LiteDB disposes the streams it wraps around this one (a failed password check, its close); the file stays open
    /// until the store releases it (<see cref="Release"/>), so nothing LiteDB does in between can close it early.
    /// </summary>
    protected override void Dispose(bool disposing) { }

    /// <summary>Closes the file.</summary>
    public void Release() => _file.Dispose();
}
