using System.Globalization;
using LiteDB;
using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Storage.LiteDb;

/// <summary>
/// The trial database in one encrypted LiteDB file. A process holds an exclusive lock file
/// (<c>&lt;db&gt;.lock</c>) while it has the database open, so writers in different processes take
/// turns; inside a process one thread at a time uses the database (reads too, so a read sees all of a
/// write or none of it), and every Write is one LiteDB transaction (all or nothing, also when the process
/// is killed). New files compare ids and keys ordinally (LiteDB's default ignores case).
/// Opening refuses a missing key, a wrong key or a damaged file without changing it.
/// <para>
/// Layout (store format 2): each record collection holds one document per participant with all that
/// participant's records of the kind, compressed together (<see cref="Bucket"/>); ids that do not start with
/// their participant's id sit in an id map beside it. The audit trail is kept as segments of 128 entries,
/// compressed together (<see cref="AuditSegment"/>), with a list of each participant's entries
/// (<c>audit_by_participant</c>). Meta values and claims are one small document each. So a participant's
/// page reads a few documents, a whole-trial read streams them, and the audit's full who/when/what/why
/// costs a few hundred bytes an entry.
/// </para>
/// </summary>
public sealed class LiteRecordStore : IRecordStore
{
    internal const string MetaCollection = "meta";
    internal const string SegmentCollection = "audit_segments";
    internal const string ParticipantAuditCollection = "audit_by_participant";
    internal const string ClaimCollection = "claims";

    /// <summary>The layout this build reads and writes, kept in the file's meta (<c>store.format</c>).</summary>
    internal const string FormatKey = "store.format", Format = "2";

    /// <summary>The collection the first layout kept the audit trail in, one document an entry.</summary>
    private const string FirstLayoutAudit = "audit";

    private LiteRecordWriter? _batchWriter;

    /// <summary>The writer of the Write open on <see cref="_currentThread"/>: a Read on that thread reads through it.</summary>
    private LiteRecordWriter? _current;
    private int _currentThread;
    /// <summary>The lock file this store holds, or null when its caller holds it (<see cref="CreateWith"/>).</summary>
    private readonly FileLock? _lock;
    private readonly StoreFiles _files;
    private readonly LiteDatabase _db;
    private readonly Lock _gate = new();
    private readonly StoreCache _cache = new();
    private bool _disposed;
    private int _batchThread;
    private Exception? _batchFailed;

    private LiteRecordStore(string path, FileLock? fileLock, StoreFiles files, LiteDatabase db, bool readOnly)
    {
        Location = path;
        ReadOnly = readOnly;
        _lock = fileLock;
        _files = files;
        _db = db;
    }

    public string Location { get; }

    /// <summary>Opened with <see cref="OpenReadOnly"/>: reads only, beside other readers.</summary>
    public bool ReadOnly { get; }

    /// <summary>How long a process waits for another one to close the database.</summary>
    public static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Creates a new database file; refuses when one exists. When the creation fails, nothing of it is left.</summary>
    public static LiteRecordStore Create(string path, string key)
    {
        RequireKey(key);
        RefuseExisting(path);
        DatabaseFiles.CreateFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var fileLock = FileLock.Acquire(path + ".lock", LockTimeout);
        try
        {
            if (!DatabaseFiles.CreateEmpty(path)) RefuseExisting(path);
            try
            {
                return OpenInternal(path, key, Ordinal, held: fileLock, ownsLock: true);
            }
            catch (Exception ex)
            {
                DatabaseFiles.Remove(path);
                throw CreateFailed(path, ex);
            }
        }
        catch
        {
            fileLock.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Creates a new database whole or not at all: it is made under a temporary name beside <paramref name="path"/>
    /// (<c>NAME.init</c>), filled by <paramref name="initialize"/>, checkpointed and closed (so it is one file, flushed to
    /// the disk), and only then renamed to <paramref name="path"/>, all under the database's lock. A failure (a refused
    /// input, a full disk) removes the temporary file; a process killed part-way leaves at most that temporary file,
    /// which is never taken for a database and which the next creation removes. Refuses when a database exists.
    /// </summary>
    public static void CreateWith(string path, string key, Action<IRecordStore> initialize)
    {
        RequireKey(key);
        path = Path.GetFullPath(path);
        RefuseExisting(path);
        DatabaseFiles.CreateFolder(Path.GetDirectoryName(path)!);
        using var fileLock = FileLock.Acquire(path + ".lock", LockTimeout);
        RefuseExisting(path);
        var temp = path + ".init";
        // What an earlier creation killed part-way left (no one else creates while this process holds the lock).
        DatabaseFiles.Remove(temp);
        try
        {
            DatabaseFiles.CreateEmpty(temp);
            LiteRecordStore store;
            try
            {
                store = OpenInternal(temp, key, Ordinal, held: fileLock, ownsLock: false);
            }
            catch (Exception ex)
            {
                throw CreateFailed(path, ex);
            }
            try
            {
                initialize(store);
            }
            catch (Exception ex)
            {
                store.Close();
                throw CreateFailed(path, ex);
            }
            if (!store.Close())
                throw StoreFaults.CreateFailed(path, store._files.Gate.Fault!);
            File.Move(temp, path, overwrite: false);
        }
        catch
        {
            DatabaseFiles.Remove(temp);
            throw;
        }
    }

    private static void RefuseExisting(string path)
    {
        if (File.Exists(path) || Directory.Exists(path))
            throw new StoreOpenException($"A database already exists at '{path}'; `init` creates only a new one (use --db for another path).");
    }

    /// <summary>A creation that failed on a full disk says so, naming the database, not the temporary file it was made in.</summary>
    private static Exception CreateFailed(string path, Exception ex)
    {
        var io = ex as IOException ?? (ex as StoreFaultException)?.InnerException as IOException;
        return io is not null && (ex is StoreFaultException || StoreFaults.IsDiskFull(io)) ? StoreFaults.CreateFailed(path, io) : ex;
    }

    /// <summary>Opens an existing database file.</summary>
    public static LiteRecordStore Open(string path, string key) => OpenExisting(path, key, readOnly: false);

    /// <summary>
    /// Opens an existing database file to read only: beside any number of other readers (a shared lock), never
    /// changing the file (LiteDB read-only; Write and Batch refused), so a damaged file stays as it was.
    /// </summary>
    public static LiteRecordStore OpenReadOnly(string path, string key) => OpenExisting(path, key, readOnly: true);

    private static LiteRecordStore OpenExisting(string path, string key, bool readOnly)
    {
        RequireKey(key);
        if (Directory.Exists(path))
            throw new StoreOpenException($"'{path}' is a folder, not a database file; point --db (or PROTOCOL_ENGINE_DB) at the database file.");
        if (!File.Exists(path))
            throw new StoreOpenException($"No database at '{path}'. Create it with `protocol-engine init`, or point --db (or PROTOCOL_ENGINE_DB) at the right file.");
        if (new FileInfo(path).Length == 0)
            throw new StoreOpenException($"'{path}' is empty, not a trial database; restore it from a backup (`protocol-engine restore FILE`) or point --db at the right file.");
        try
        {
            CheckFormat(path);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw Unreadable(path, ex);
        }
        return OpenInternal(path, key, collation: null, readOnly);
    }

    private static StoreOpenException Unreadable(string path, UnauthorizedAccessException ex) =>
        new($"'{path}' cannot be opened: permission denied ({ex.Message}). Nothing was changed; run as the file's owner or fix its permissions (owner read and write, 0600).", ex);

    /// <summary>
    /// The collation a new file gets: exact comparison, as the store interfaces promise. LiteDB keeps a
    /// file's collation in the file and refuses to open it with another, so Open does not name one.
    /// </summary>
    private static readonly Collation Ordinal = new(CultureInfo.InvariantCulture.LCID, CompareOptions.Ordinal);

    /// <summary>LiteDB's pages are 8 KiB and an encrypted file starts with a page whose first byte is 1.</summary>
    private const int PageSize = 8192;

    /// <summary>
    /// Refuses a file that is not an encrypted LiteDB file before LiteDB opens it: LiteDB would
    /// otherwise take a damaged or foreign file as a new one and write over it.
    /// </summary>
    private static void CheckFormat(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var first = stream.ReadByte();
        // A partial last page is what a checkpoint cut off by a full disk leaves; the journal still holds every page
        // of it, so the next writing open crops the page and the next checkpoint writes it again. Without such a
        // journal it is damage.
        if (stream.Length < PageSize || (stream.Length % PageSize != 0 && !StoreFiles.JournalHoldsPages(path)))
            throw new StoreOpenException($"'{path}' is not a readable trial database: damaged or foreign ({stream.Length} bytes is not a whole number of {PageSize}-byte pages); nothing was changed. Restore it from a backup (`protocol-engine restore FILE`) or point --db at the right file.");
        if (first != 1)
            throw new StoreOpenException($"'{path}' is not a readable trial database: damaged, or not encrypted as protocol-engine always encrypts; nothing was changed. Restore it from a backup (`protocol-engine restore FILE`) or point --db at the right file.");
    }

    private static void RequireKey(string key)
    {
        if (string.IsNullOrEmpty(key))
            throw new StoreOpenException("No database key: set PROTOCOL_ENGINE_DB_KEY, pass --key-file FILE, or run in a terminal to be asked for it.");
    }

    private static LiteRecordStore OpenInternal(string path, string key, Collation? collation, bool readOnly = false, FileLock? held = null, bool ownsLock = true)
    {
        var fileLock = held ?? FileLock.Acquire(path + ".lock", LockTimeout, shared: readOnly);
        StoreFiles? files = null;
        try
        {
            files = StoreFiles.Open(path, readOnly);
            var db = files.Database(key, collation);
            try
            {
                CheckLayout(path, db, created: collation is not null, readOnly);
                // The store checkpoints itself (after a commit, on close), so a checkpoint's failure is never taken
                // for the failure of the commit before it.
                if (!readOnly && db.CheckpointSize != 0) db.CheckpointSize = 0;
                if (files.Gate.Fault is { } fault) throw StoreFaults.WriteFailed(path, fault);
                return new LiteRecordStore(path, ownsLock ? fileLock : null, files, db, readOnly);
            }
            catch
            {
                db.Dispose();
                throw;
            }
        }
        catch (Exception ex)
        {
            files?.Dispose();
            if (held is null) fileLock.Dispose();
            throw OpenFailed(path, ex, files?.Gate.Fault);
        }
    }

    /// <summary>What an open that failed tells: a wrong key, a full disk, no permission, a damaged or foreign file.</summary>
    private static Exception OpenFailed(string path, Exception ex, IOException? fault) => ex switch
    {
        StoreOpenException or StoreFaultException => ex,
        _ when fault is not null => StoreFaults.WriteFailed(path, fault),
        IOException io when StoreFaults.IsDiskFull(io) => StoreFaults.WriteFailed(path, io),
        LiteException when ex.Message.Contains("password", StringComparison.OrdinalIgnoreCase) =>
            new StoreOpenException($"The key does not open '{path}': wrong database key (check PROTOCOL_ENGINE_DB_KEY or --key-file).", ex),
        UnauthorizedAccessException denied => Unreadable(path, denied),
        LiteException or InvalidOperationException or IOException or ArgumentException or InvalidCastException or NotSupportedException
            or System.Security.Cryptography.CryptographicException or IndexOutOfRangeException or OverflowException or NullReferenceException =>
            new StoreOpenException($"'{path}' is not a readable trial database (damaged or not a LiteDB file: {ex.Message}); nothing was changed. "
                + "Restore it from a backup (`protocol-engine restore FILE`) or point --db at the right file.", ex),
        _ => ex,
    };

    /// <summary>
    /// A new file gets the current format; an existing one must have it. A file of the first layout (one
    /// document per audit entry and per record) is refused with what to do, not misread.
    /// </summary>
    private static void CheckLayout(string path, LiteDatabase db, bool created, bool readOnly)
    {
        var meta = db.GetCollection(MetaCollection);
        var format = meta.FindById(FormatKey)?["v"].AsString;
        if (format == Format && db.Collation.SortOptions != CompareOptions.Ordinal)
            throw new StoreOpenException($"'{path}' compares ids ignoring case ({db.Collation}); protocol-engine makes and reads only files that compare them exactly. Nothing was changed; point --db at the right file.");
        if (format == Format) return;
        if (format is null && !readOnly && (created || !db.GetCollectionNames().Any()))
        {
            meta.Upsert(new BsonDocument { ["_id"] = FormatKey, ["v"] = Format });
            return;
        }
        if (format is null && db.CollectionExists(FirstLayoutAudit))
            throw new StoreOpenException($"'{path}' was written by an earlier protocol-engine (store format 1); this version reads format {Format}. "
                + "Export it with the version that made it (`protocol-engine export --format json`) and keep that export; create a new database with `protocol-engine init` (or `demo`). Nothing was changed.");
        throw new StoreOpenException($"'{path}' has store format '{format ?? "none"}', which this version of protocol-engine does not read (it reads {Format}); nothing was changed.");
    }

    public T Read<T>(Func<IRecordReader, T> read)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_currentThread == Environment.CurrentManagedThreadId && _current is not null)
                return read(_current);
            if (_batchThread == Environment.CurrentManagedThreadId && _batchWriter is not null)
                return read(_batchWriter);
            // After a failed write LiteDB's memory holds what the disk refused: nothing is read from it any more.
            if (_files.Gate.Fault is { } fault) throw StoreFaults.WriteFailed(Location, fault);
            try
            {
                return read(new LiteRecordWriter(_db, writable: false, _cache));
            }
            catch (Exception ex) when (StoreFaults.IsDamage(ex))
            {
                _cache.Clear();
                throw StoreFaults.Damaged(Location, ex);
            }
        }
    }

    public T Write<T>(Func<IRecordWriter, T> write)
    {
        RefuseIfReadOnly();
        if (_batchThread == Environment.CurrentManagedThreadId)
            return WriteInBatch(write);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_db.BeginTrans())
                throw new InvalidOperationException("A store transaction is already open on this thread.");
            var writer = new LiteRecordWriter(_db, writable: true, _cache);
            (_current, _currentThread) = (writer, Environment.CurrentManagedThreadId);
            try
            {
                var result = write(writer);
                Commit(writer, "write");
                return result;
            }
            catch (Exception ex)
            {
                writer.End();
                throw RolledBack(ex);
            }
            finally
            {
                (_current, _currentThread) = (null, 0);
            }
        }
    }

    /// <summary>Writes what the writer holds into LiteDB's transaction and commits it; checkpoints when the journal has grown.</summary>
    private void Commit(LiteRecordWriter writer, string what)
    {
        writer.Flush();
        writer.End();
        writer.ThrowIfFailed();
        if (!_db.Commit())
        {
            _cache.Clear();
            throw new InvalidOperationException($"The database had no open transaction to commit: the {what} was lost and is not saved.");
        }
        // A write the disk refused: LiteDB finished the commit in memory, but its confirming page is not on the disk.
        if (_files.Gate.Fault is { } fault) throw StoreFaults.WriteFailed(Location, fault);
        _cache.Trim();
        // The commit stands from here on, whatever becomes of the checkpoint.
        if (_files.JournalLength > CheckpointPages * PageSize) TryCheckpoint();
    }

    /// <summary>LiteDB's own default: a checkpoint once the journal holds 1,000 pages (8 MB).</summary>
    private const int CheckpointPages = 1000;

    /// <summary>
    /// Copies the journal's transactions into the file. Cut off (a full disk), it leaves the file partly written and the
    /// journal whole, so the next open reads every transaction from the journal and the next checkpoint writes them again;
    /// the store then writes nothing more. True when it finished.
    /// </summary>
    private bool TryCheckpoint()
    {
        if (_files.Gate.Fault is not null) return false;
        try
        {
            using (_files.Gate.AllowData())
                _db.Checkpoint();
            return _files.Gate.Fault is null;
        }
        catch (Exception) when (_files.Gate.Fault is not null)
        {
            return false;
        }
    }

    /// <summary>
    /// After a failed Write or Batch: rolls LiteDB's transaction back (unless the disk already refused a write: then
    /// nothing more is written, and what the journal holds of the transaction is not confirmed, so it never counts) and
    /// gives the exception to throw.
    /// </summary>
    private Exception RolledBack(Exception ex)
    {
        _cache.Clear();
        if (_files.Gate.Fault is null)
        {
            try
            {
                _db.Rollback();
            }
            catch (Exception) when (_files.Gate.Fault is not null)
            {
                // The rollback's own journal write met the full disk; the transaction was not committed all the same.
            }
        }
        if (_files.Gate.Fault is { } fault) return StoreFaults.WriteFailed(Location, fault);
        if (ex is LiteException { ErrorCode: LiteException.INVALID_DATAFILE_STATE } || (ex is not LiteException && StoreFaults.IsDamage(ex)))
            return StoreFaults.Damaged(Location, ex);
        return ex;
    }

    private void RefuseIfReadOnly()
    {
        if (ReadOnly)
            throw new InvalidOperationException($"'{Location}' was opened to read only; this command cannot change it.");
        // After a failed write the store writes nothing more (its LiteDB transaction was left as the disk left it).
        if (_files.Gate.Fault is { } fault)
            throw StoreFaults.WriteFailed(Location, fault);
    }

    public T Batch<T>(Func<T> run)
    {
        RefuseIfReadOnly();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_batchThread != 0 || !_db.BeginTrans())
                throw new InvalidOperationException("A store transaction is already open on this thread.");
            _batchThread = Environment.CurrentManagedThreadId;
            _batchFailed = null;
            _batchWriter = new LiteRecordWriter(_db, writable: true, _cache);
            try
            {
                var result = run();
                if (_batchFailed is { } failed)
                    throw new InvalidOperationException($"The batch was rolled back: a write in it failed ({failed.Message}).", failed);
                Commit(_batchWriter, "batch");
                return result;
            }
            catch (Exception ex)
            {
                throw RolledBack(ex);
            }
            finally
            {
                _batchThread = 0;
                _batchFailed = null;
                _batchWriter = null;
            }
        }
    }

    /// <summary>A Write inside a Batch: runs in the batch's transaction; when it fails, the batch is doomed.</summary>
    private T WriteInBatch<T>(Func<IRecordWriter, T> write)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_batchFailed is { } failed)
            throw new InvalidOperationException($"The batch was rolled back: a write in it failed ({failed.Message}).", failed);
        // The batch's writes share one writer (and what it decoded); a failed write dooms the whole batch, so
        // what it left half done is never committed.
        var writer = _batchWriter!;
        try
        {
            var result = write(writer);
            writer.ThrowIfFailed();
            if (writer.Held > StoreCache.Limit) writer.FlushAndForget();
            return result;
        }
        catch (Exception ex)
        {
            _batchFailed = ex;
            throw;
        }
    }

    public void Dispose() => Close();

    /// <summary>The write that failed (a full disk), after which this store writes nothing more; null when none did.</summary>
    public IOException? Fault => _files.Gate.Fault;

    /// <summary>
    /// Closes the store: a writing one first checkpoints, so the file holds every transaction and its journal is removed.
    /// False when that checkpoint (or an earlier write) failed: every committed transaction is still in the journal, and
    /// the next open reads it from there.
    /// </summary>
    public bool Close()
    {
        lock (_gate)
        {
            if (_disposed) return _files.Gate.Fault is null;
            _disposed = true;
            try
            {
                if (!ReadOnly) TryCheckpoint();
                try
                {
                    _db.Dispose();
                }
                catch (Exception) when (_files.Gate.Fault is not null)
                {
                    // LiteDB's close after a failed write: it wrote nothing (the gate refused).
                }
                return _files.Gate.Fault is null;
            }
            finally
            {
                _files.Dispose();
                _lock?.Dispose();
            }
        }
    }
}
