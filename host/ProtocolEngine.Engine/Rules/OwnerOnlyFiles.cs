namespace ProtocolEngine.Engine.Rules;

/// <summary>Folders (0700) and files (0600) only their owner can read, created so from the first byte.</summary>
internal static class OwnerOnlyFiles
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        var existed = Directory.Exists(path);
        Directory.CreateDirectory(path, Folder);
        // A folder made before this version (0755) is tightened when it is ours; one we cannot change stays as it is.
        if (existed && (System.IO.File.GetUnixFileMode(path) & ~Folder) != 0)
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
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
                options.UnixCreateMode = File;
            using (var stream = new FileStream(temp, options))
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
}
