namespace ProtocolEngine.Fuzz;

/// <summary>
/// A throwaway copy of the seed trial that a command may write into (<c>schema -o FILE</c>, a data folder): after
/// each input, files and folders it did not hold are removed and changed files are copied again from the seed, so
/// every input starts from the same folder.
/// </summary>
public sealed class WorkFolder
{
    private readonly Dictionary<string, (long Length, DateTime Written)> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _folders = new(StringComparer.Ordinal);

    /// <summary>Copies the seed trial into a new folder and remembers what it holds.</summary>
    public WorkFolder(string name)
    {
        Path = SeedTrial.NewWorkFolder(name);
        SeedTrial.CopyTo(Path);
        foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
            _files[file] = Stamp(file);
        foreach (var folder in Directory.EnumerateDirectories(Path, "*", SearchOption.AllDirectories))
            _folders.Add(folder);
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>Puts the folder back as it was made.</summary>
    public void Restore()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path, "*", SearchOption.AllDirectories).ToList())
            if (!_folders.Contains(folder) && Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories).ToList())
        {
            if (!_files.TryGetValue(file, out var stamp))
                File.Delete(file);
            else if (Stamp(file) != stamp)
                Copy(file);
        }
        foreach (var file in _files.Keys)
            if (!File.Exists(file))
                Copy(file);
    }

    private void Copy(string file)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.Copy(System.IO.Path.Combine(SeedTrial.Folder, System.IO.Path.GetRelativePath(Path, file)), file, overwrite: true);
        _files[file] = Stamp(file);
    }

    private static (long, DateTime) Stamp(string file)
    {
        var info = new FileInfo(file);
        return (info.Length, info.LastWriteTimeUtc);
    }
}
