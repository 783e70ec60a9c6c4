namespace ProtocolEngine.Fuzz;

/// <summary>
/// The repository's seed trial (protocol.yaml and protocols/chictr1900023401), copied beside the harness at build
/// time (<c>seed/</c>), and the throwaway folders the targets work in.
/// </summary>
public static class SeedTrial
{
    /// <summary>The folder holding the seed protocol.yaml and its protocols/ folder.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "seed");

    /// <summary>The seed protocol file.</summary>
    public static string ProtocolFile => Path.Combine(Folder, "protocol.yaml");

    /// <summary>A new empty folder under the temporary folder, owned by this process.</summary>
    public static string NewWorkFolder(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), $"protocol-engine-fuzz-{name}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Copies the seed trial (protocol.yaml and protocols/) into <paramref name="destination"/>.</summary>
    public static void CopyTo(string destination)
    {
        foreach (var file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
