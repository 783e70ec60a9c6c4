namespace ProtocolEngine.Tests.Support;

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("protocol-engine-test-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Copies the seed protocol with the files it names (scripts, scenarios) and returns the copy's path.</summary>
    public string CopySeedProtocol(Func<string, string>? edit = null)
    {
        var text = System.IO.File.ReadAllText(RepoPaths.SeedProtocol);
        var target = File("protocol.yaml");
        System.IO.File.WriteAllText(target, edit is null ? text : edit(text));
        CopyDirectory(System.IO.Path.Combine(RepoPaths.Root, "protocols"), System.IO.Path.Combine(Path, "protocols"));
        return target;
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            System.IO.File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from))
            CopyDirectory(dir, System.IO.Path.Combine(to, System.IO.Path.GetFileName(dir)));
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* a file still open on a slow runner; the OS temp cleaner takes it */ }
    }
}
