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

    /// <summary>Creates an empty file 0600 unless it exists (one that exists is left as it is).</summary>
    public static void CreateEmpty(string file)
    {
        try
        {
            using var _ = new FileStream(file, Options(FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite));
        }
        catch (IOException) when (File.Exists(file))
        {
            // Made by another process in the meantime: its own creation was owner-only too.
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
