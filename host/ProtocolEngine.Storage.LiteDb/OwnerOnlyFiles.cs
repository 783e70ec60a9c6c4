namespace ProtocolEngine.Storage.LiteDb;

/// <summary>
/// The database's folder, file, journal and lock file are created owner-only (files 0600, a new folder 0700)
/// from the first byte: created with that mode, not changed afterwards, so no other user can ever open them.
/// LiteDB creates the files it opens with the default mode (0644 under the usual umask), so the files are
/// created here, empty, before LiteDB opens them; LiteDB takes an empty file as a new one.
/// </summary>
internal static class OwnerOnlyFiles
{
    private const UnixFileMode File0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Folder0700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates a folder (and its missing parents) 0700; one that exists is left as it is.</summary>
    public static void CreateFolder(string folder)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, Folder0700);
    }

    /// <summary>Creates an empty file 0600 unless it exists (one that exists is left as it is); true when it was created here.</summary>
    public static bool CreateEmpty(string file)
    {
        try
        {
            using var _ = new FileStream(file, Options(FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite));
            return true;
        }
        catch (IOException) when (File.Exists(file))
        {
            // Made by another process in the meantime: its own creation was owner-only too.
            return false;
        }
    }

    /// <summary>Removes a file created by <see cref="CreateEmpty"/> that nothing was written to (an open that failed).</summary>
    public static void RemoveIfEmpty(string file)
    {
        if (File.Exists(file) && new FileInfo(file).Length == 0)
            File.Delete(file);
    }

    /// <summary>
    /// Runs LiteDB's open with its journal created 0600 beforehand (a writing open only); when the open fails
    /// (a wrong key), the empty journal made for it is removed again, so a refused open leaves the folder as it was.
    /// </summary>
    public static T WithJournal<T>(string path, bool create, Func<T> open)
    {
        var journal = JournalOf(path);
        var created = create && CreateEmpty(journal);
        try
        {
            return open();
        }
        catch
        {
            if (created) RemoveIfEmpty(journal);
            throw;
        }
    }

    /// <summary>The journal LiteDB writes beside its file (<c>name-log.ext</c>).</summary>
    public static string JournalOf(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileNameWithoutExtension(path) + "-log" + Path.GetExtension(path));

    /// <summary>Options that create the file 0600 if it does not exist.</summary>
    public static FileStreamOptions Options(FileMode mode, FileAccess access, FileShare share)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share };
        if (!OperatingSystem.IsWindows() && mode is FileMode.CreateNew or FileMode.Create or FileMode.OpenOrCreate)
            options.UnixCreateMode = File0600;
        return options;
    }
}
