namespace ProtocolEngine.Engine.Storage;

/// <summary>
/// Folders (0700) and files (0600) only their owner can read, created so from the first byte (created with that
/// mode, never changed afterwards): the compiled-rule cache and its key, the database, its journal and lock file.
/// </summary>
public static class OwnerOnlyFiles
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder (and missing parents) 0700; an existing one is tightened to 0700 when <paramref name="tightenExisting"/> and ours.</summary>
    public static void CreateFolder(string path, bool tightenExisting = true)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        var existed = Directory.Exists(path);
        Directory.CreateDirectory(path, Folder);
        // A folder made before this version (0755) is tightened when it is ours; one we cannot change stays as it is.
        if (tightenExisting && existed && (System.IO.File.GetUnixFileMode(path) & ~Folder) != 0)
        {
            try { System.IO.File.SetUnixFileMode(path, Folder); }
            catch (UnauthorizedAccessException) { /* not ours: its files are still owner-only and authenticated */ }
        }
    }

    /// <summary>Writes a new file (0600 from creation) under a temporary name, then renames it over <paramref name="path"/>.</summary>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> content, bool overwrite = true)
    {
        var temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temp, Options(FileMode.CreateNew, FileAccess.Write, FileShare.None)))
                stream.Write(content);
            System.IO.File.Move(temp, path, overwrite);
        }
        finally
        {
            if (System.IO.File.Exists(temp)) System.IO.File.Delete(temp);
        }
    }

    /// <summary>True when only the owner may read or write the file (always on Windows, which has no such mode).</summary>
    public static bool IsOwnerOnly(string path) =>
        OperatingSystem.IsWindows() || (System.IO.File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) == 0;

    /// <summary>Options that create the file 0600 if it does not exist.</summary>
    public static FileStreamOptions Options(FileMode mode, FileAccess access, FileShare share)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share };
        if (!OperatingSystem.IsWindows() && mode is FileMode.CreateNew or FileMode.Create or FileMode.OpenOrCreate)
            options.UnixCreateMode = File;
        return options;
    }
}
