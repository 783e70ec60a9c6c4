using ProtocolEngine.Engine.Storage;
namespace ProtocolEngine.Storage.LiteDb;

/// <summary>
/// A lock on a file beside the database, held while a process has the database open: exclusive for a
/// process that may write, shared for one that only reads, so readers never wait for each other (only
/// for a writer, and a writer for them). .NET takes flock(LOCK_EX) for FileShare.None and LOCK_SH
/// otherwise. The kernel drops it when the process dies (even by SIGKILL), so a crash never leaves it stuck.
/// </summary>
internal sealed class FileLock : IDisposable
{
    private readonly FileStream _stream;

    private FileLock(FileStream stream) => _stream = stream;

    public static FileLock Acquire(string path, TimeSpan timeout, bool shared = false)
    {
        var deadline = DateTime.UtcNow + timeout;
        var delay = 5;
        while (true)
        {
            try
            {
                return new FileLock(shared
                    ? new FileStream(path, OwnerOnlyFiles.Options(FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite))
                    : new FileStream(path, OwnerOnlyFiles.Options(FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(Random.Shared.Next(delay, delay * 2));
                delay = Math.Min(delay * 2, 100);
            }
            catch (IOException ex)
            {
                throw new StoreOpenException($"The database is busy: another process has held '{path}' for more than {timeout.TotalSeconds:0} s; "
                    + "nothing was read or changed. Try again once it finishes (`fuser` names the process holding the lock).", ex);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
