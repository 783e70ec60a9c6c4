using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Storage.LiteDb;

/// <summary>
/// Whole, self-contained copies of a database file, for `backup` and `restore`. A copy is made under a temporary name
/// in the folder where it ends up (owner-only, 0600, from its first byte), its journal folded into it by a checkpoint
/// on the copy alone, checked by the caller, and only then renamed into place: a rename within a folder is atomic, so
/// no one ever sees half a copy, and a failure removes the temporary file.
/// </summary>
public static class DatabaseCopy
{
    private const int PageSize = 8192;

    /// <summary>
    /// Copies <paramref name="source"/> (the file of a store the caller holds open; a read-only store keeps every writer
    /// out, so neither the file nor its journal changes meanwhile) into a temporary file beside
    /// <paramref name="destination"/>, as one file with every committed transaction. Returns the temporary file's path.
    /// </summary>
    public static string Snapshot(LiteRecordStore source, string key, string destination) =>
        Stage(source.Location, key, destination, "backup");

    /// <summary>
    /// Copies the database file <paramref name="file"/> (and a journal beside it, if any) into a temporary file beside
    /// <paramref name="destination"/> and folds the journal in; the copy is opened with <paramref name="key"/>, so a wrong
    /// key or a damaged file is refused here. Returns the temporary file's path.
    /// </summary>
    public static string Stage(string file, string key, string destination, string purpose)
    {
        if (!File.Exists(file))
            throw new StoreOpenException(Directory.Exists(file) ? $"'{file}' is a folder, not a database file." : $"No file at '{file}'.");
        var folder = Path.GetDirectoryName(Path.GetFullPath(destination))!;
        if (!Directory.Exists(folder))
            throw new StoreOpenException($"No folder '{folder}' to write '{Path.GetFileName(destination)}' in; create it first.");
        var temp = Path.Combine(folder, $".{Path.GetFileName(destination)}.{purpose}-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        try
        {
            CopyFile(file, temp);
            var journal = DatabaseFiles.JournalOf(file);
            if (File.Exists(journal) && new FileInfo(journal).Length > PageSize)
                CopyFile(journal, DatabaseFiles.JournalOf(temp));
            LiteRecordStore copy;
            try
            {
                copy = LiteRecordStore.Open(temp, key);
            }
            catch (Exception ex) when (ex is StoreOpenException or StoreFaultException)
            {
                throw new StoreOpenException($"'{file}' cannot be copied: {ex.Message.Replace(temp, file, StringComparison.Ordinal)}", ex);
            }
            // Closing checkpoints: the journal's transactions go into the copy, which is then one file.
            if (!copy.Close())
                throw CopyFailed(destination, copy.Fault!);
            File.Delete(temp + ".lock");
            return temp;
        }
        catch (IOException io) when (StoreFaults.IsDiskFull(io))
        {
            Discard(temp);
            throw CopyFailed(destination, io);
        }
        catch
        {
            Discard(temp);
            throw;
        }
    }

    /// <summary>Renames the checked copy <paramref name="temp"/> to <paramref name="destination"/>; refuses an existing file unless <paramref name="overwrite"/>.</summary>
    public static void Publish(string temp, string destination, bool overwrite)
    {
        if (!overwrite && (File.Exists(destination) || Directory.Exists(destination)))
            throw new StoreOpenException($"'{destination}' exists; give --force to replace it, or another --out.");
        File.Move(temp, destination, overwrite);
    }

    /// <summary>Removes a temporary copy, its journal and its lock file.</summary>
    public static void Discard(string temp)
    {
        DatabaseFiles.Remove(temp);
        File.Delete(temp + ".lock");
    }

    /// <summary>
    /// Puts the checked copy <paramref name="replacement"/> in place of the database at <paramref name="path"/>, under
    /// the database's exclusive lock (it waits for every reader and writer to finish): the current file is copied to
    /// <paramref name="keepAs"/> and its journal moved beside that copy, then the replacement is renamed over the
    /// database in one step. A crash before that rename leaves the current file in place (its journal, if it had one,
    /// beside the kept copy); after it, the restored one.
    /// </summary>
    public static void Replace(string path, string replacement, string? keepAs)
    {
        using var fileLock = FileLock.Acquire(path + ".lock", LiteRecordStore.LockTimeout);
        if (File.Exists(path))
        {
            ArgumentNullException.ThrowIfNull(keepAs);
            try
            {
                CopyFile(path, keepAs);
            }
            catch (IOException io) when (StoreFaults.IsDiskFull(io))
            {
                File.Delete(keepAs);
                throw CopyFailed(keepAs, io);
            }
            var journal = DatabaseFiles.JournalOf(path);
            if (File.Exists(journal)) File.Move(journal, DatabaseFiles.JournalOf(keepAs), overwrite: false);
        }
        File.Move(replacement, path, overwrite: true);
        File.Delete(replacement + ".lock");
    }

    private static StoreFaultException CopyFailed(string destination, IOException fault) =>
        new($"{(StoreFaults.IsDiskFull(fault) ? "The disk is full: " : "")}'{destination}' could not be written ({fault.Message}); nothing was left behind "
            + "and the database was not changed. Free some space and run the command again.", fault);

    /// <summary>Copies a file into a new owner-only file, flushed to the disk.</summary>
    private static void CopyFile(string from, string to)
    {
        using var source = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var target = new FileStream(to, OwnerOnlyFiles.Options(FileMode.CreateNew, FileAccess.Write, FileShare.None));
        source.CopyTo(target);
        target.Flush(flushToDisk: true);
    }
}
