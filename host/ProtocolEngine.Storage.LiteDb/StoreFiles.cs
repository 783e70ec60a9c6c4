using LiteDB;
using LiteDB.Engine;

namespace ProtocolEngine.Storage.LiteDb;

/// <summary>
/// A database file and its journal (<c>name-log.ext</c>), opened by the store itself and handed to LiteDB as streams
/// (<see cref="StoreStream"/>), so that the store decides what reaches the disk: read-only opens cannot write at all,
/// writing opens stop at the first failed write and write the data file only at open and at checkpoints. The journal
/// of a writing open is created 0600 when it is needed; one that holds no transaction is removed on close, as LiteDB does.
/// </summary>
internal sealed class StoreFiles : IDisposable
{
    private const int PageSize = 8192;
    private readonly StoreStream _data;
    private readonly Stream _journal;

    private StoreFiles(string path, bool readOnly, StoreStream data, Stream journal, WriteGate gate)
    {
        Path = path;
        ReadOnly = readOnly;
        _data = data;
        _journal = journal;
        Gate = gate;
    }

    public string Path { get; }
    public bool ReadOnly { get; }
    public WriteGate Gate { get; }

    /// <summary>The journal's length: LiteDB's transactions wait there until a checkpoint copies them into the file.</summary>
    public long JournalLength => _journal.Length;

    /// <summary>Opens the file (which must exist) and its journal.</summary>
    public static StoreFiles Open(string path, bool readOnly)
    {
        var gate = new WriteGate();
        var journalPath = DatabaseFiles.JournalOf(path);
        StoreStream data = readOnly ? StoreStream.ReadOnly(path) : StoreStream.Writable(path, gate, data: true, create: false);
        try
        {
            Stream journal = readOnly
                ? File.Exists(journalPath) ? StoreStream.ReadOnly(journalPath) : new MemoryStream()
                : StoreStream.Writable(journalPath, gate, data: false, create: true);
            return new StoreFiles(path, readOnly, data, journal, gate);
        }
        catch
        {
            data.Release();
            throw;
        }
    }

    /// <summary>LiteDB over these files (opening it may write the data file: a new file's header, a partial page cropped).</summary>
    public LiteDatabase Database(string key, Collation? collation)
    {
        using var _ = Gate.AllowData();
        var engine = new LiteEngine(new EngineSettings
        {
            DataStream = _data, LogStream = _journal, Password = key, ReadOnly = ReadOnly, Collation = collation, Upgrade = false, AutoRebuild = false,
        });
        return new LiteDatabase(engine, disposeOnClose: true);
    }

    /// <summary>True when the journal holds pages beyond its own first page (the salt), i.e. transactions not yet checkpointed.</summary>
    public static bool JournalHoldsPages(string path)
    {
        var journal = DatabaseFiles.JournalOf(path);
        return File.Exists(journal) && new FileInfo(journal).Length >= 2 * PageSize;
    }

    public void Dispose()
    {
        _data.Release();
        if (_journal is StoreStream journal)
        {
            journal.Release();
            // A journal that holds no transaction (none written, or all checkpointed) is removed, as LiteDB does; after a
            // failed write the files are left exactly as the disk left them.
            if (!ReadOnly && Gate.Fault is null)
            {
                var path = DatabaseFiles.JournalOf(Path);
                if (File.Exists(path) && new FileInfo(path).Length <= PageSize)
                    File.Delete(path);
            }
        }
    }
}
