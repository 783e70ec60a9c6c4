using ProtocolEngine.Engine.Diagnostics;

namespace ProtocolEngine.Tests.Support;

/// <summary>A copy of the seed protocol (YAML, scripts, scenarios) in a temporary folder, optionally edited.</summary>
internal sealed class TempProtocol
{
    public string Root { get; }
    public string Yaml => Path.Combine(Root, "protocol.yaml");
    public string Script => Path.Combine(Root, "protocols", "chictr1900023401", "scripts", "spine.csx");
    public string ScenarioFolder => Path.Combine(Root, "protocols", "chictr1900023401", "scenarios");

    public TempProtocol(Func<string, string>? yaml = null, Func<string, string>? script = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "pe-tests", Guid.NewGuid().ToString("N"));
        Copy(Path.Combine(RepoPaths.Root, "protocols"), Path.Combine(Root, "protocols"));
        var text = File.ReadAllText(RepoPaths.SeedProtocol);
        File.WriteAllText(Yaml, yaml is null ? text : Edit(text, yaml));
        if (script is not null)
            File.WriteAllText(Script, Edit(File.ReadAllText(Script), script));
    }

    private static string Edit(string text, Func<string, string> edit)
    {
        var edited = edit(text);
        Assert.NotEqual(text, edited);
        return edited;
    }

    /// <summary>1-based line and column of the first occurrence of <paramref name="needle"/> in a file.</summary>
    public static (int Line, int Column) Find(string file, string needle)
    {
        var lines = File.ReadAllLines(file);
        for (var i = 0; i < lines.Length; i++)
        {
            var col = lines[i].IndexOf(needle, StringComparison.Ordinal);
            if (col >= 0) return (i + 1, col + 1);
        }
        throw new InvalidOperationException($"'{needle}' not found in {file}");
    }

    public static void AssertAt(Diagnostic d, string file, (int Line, int Column) at)
    {
        Assert.Equal(Path.GetFullPath(file), Path.GetFullPath(d.Location.File));
        Assert.Equal(at, (d.Location.Line, d.Location.Column));
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from))
            Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}
