namespace ProtocolEngine.Storage.LiteDb;

/// <summary>
/// What a writing store lets LiteDB write, shared by its data file and journal (<see cref="StoreStream"/>): nothing
/// after the first failed write (<see cref="Fault"/>, a full disk), and the data file only while <see cref="AllowData"/>
/// is in force (opening the file, the store's checkpoints). One thread uses a store at a time.
/// </summary>
internal sealed class WriteGate
{
    private int _dataAllowed;

    /// <summary>The first write that failed; from then on every write is refused.</summary>
    public IOException? Fault { get; private set; }

    /// <summary>False when the write is to be skipped (an earlier one failed); throws when LiteDB writes the data file outside a checkpoint.</summary>
    public bool Before(bool data, string file)
    {
        if (Fault is not null) return false;
        if (data && _dataAllowed == 0)
            throw new NotSupportedException($"'{file}' is written only when it is opened and at a checkpoint; this write was refused.");
        return true;
    }

    public void Failed(IOException ex) => Fault ??= ex;

    /// <summary>True while the data file may be written (<see cref="AllowData"/> in force).</summary>
    public bool DataAllowed => _dataAllowed > 0;

    /// <summary>Lets the data file be written until the result is disposed.</summary>
    public IDisposable AllowData()
    {
        _dataAllowed++;
        return new Allowance(this);
    }

    private sealed class Allowance(WriteGate gate) : IDisposable
    {
        private bool _done;

        public void Dispose()
        {
            if (_done) return;
            _done = true;
            gate._dataAllowed--;
        }
    }
}
