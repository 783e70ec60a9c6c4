using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Storage.LiteDb;

/// <summary>
/// The database's folder, file, journal and lock file are created owner-only (files 0600, a new folder 0700)
/// from the first byte: created with that mode, not changed afterwards, so no other user can ever open them.
/// The store opens the files itself (<see cref="StoreFiles"/>) and hands them to LiteDB as streams; a new database
/// is created here, empty, and LiteDB takes an empty file as a new one. The modes are
/// <see cref="OwnerOnlyFiles"/>'s, the engine's one place for them.
/// </summary>
internal static class DatabaseFiles
{
    /// <summary>Creates the database's folder (and its missing parents) 0700; one that exists (a user's own folder) is left as it is.</summary>
    public static void CreateFolder(string folder) => OwnerOnlyFiles.CreateFolder(folder, tightenExisting: false);

    /// <summary>Creates an empty file 0600 unless it exists (one that exists is left as it is); true when it was created here.</summary>
    public static bool CreateEmpty(string file)
    {
        try
        {
            using var _ = new FileStream(file, OwnerOnlyFiles.Options(FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite));
            return true;
        }
        catch (IOException) when (File.Exists(file))
        {
            // Made by another process in the meantime: its own creation was owner-only too.
            return false;
        }
    }

    /// <summary>Removes a database file and its journal (a creation that failed, a temporary copy).</summary>
    public static void Remove(string file)
    {
        File.Delete(file);
        File.Delete(JournalOf(file));
    }

    /// <summary>The journal LiteDB writes beside its file (<c>name-log.ext</c>).</summary>
    public static string JournalOf(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileNameWithoutExtension(path) + "-log" + Path.GetExtension(path));
}
