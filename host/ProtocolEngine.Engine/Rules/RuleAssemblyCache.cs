using System.Globalization;
using ProtocolEngine.Engine.Diagnostics;

namespace ProtocolEngine.Engine.Rules;

/// <summary>
/// Compiled rule assemblies on disk, one per cache key, with the compile's warnings beside them so
/// a warm start reports the same warnings without compiling. Writes go to a temporary file that is
/// then renamed, so a reader never sees half an assembly.
/// </summary>
public sealed class RuleAssemblyCache(string directory)
{
    public string Directory { get; } = directory;

    private string ImagePath(string key) => Path.Combine(Directory, key + ".dll");
    private string DiagnosticsPath(string key) => Path.Combine(Directory, key + ".warnings.tsv");

    public bool TryRead(string key, out byte[] image, out IReadOnlyList<Diagnostic> warnings)
    {
        image = [];
        warnings = [];
        var path = ImagePath(key);
        if (!File.Exists(path) || !File.Exists(DiagnosticsPath(key)))
            return false;
        image = File.ReadAllBytes(path);
        warnings = File.ReadAllLines(DiagnosticsPath(key)).Where(l => l.Length > 0).Select(Parse).ToList();
        return true;
    }

    public void Write(string key, byte[] image, IReadOnlyList<Diagnostic> warnings)
    {
        System.IO.Directory.CreateDirectory(Directory);
        Atomic(DiagnosticsPath(key), path => File.WriteAllLines(path, warnings.Select(Format)));
        Atomic(ImagePath(key), path => File.WriteAllBytes(path, image));
    }

    public void Remove(string key)
    {
        File.Delete(ImagePath(key));
        File.Delete(DiagnosticsPath(key));
    }

    /// <summary>One diagnostic per line, tab-separated: code, severity, file, line, column, message.</summary>
    private static string Format(Diagnostic d) =>
        string.Join('\t', d.Code, d.Severity, Clean(d.Location.File), d.Location.Line, d.Location.Column, Clean(d.Message));

    private static Diagnostic Parse(string line)
    {
        var f = line.Split('\t', 6);
        if (f.Length != 6 || !Enum.TryParse<Severity>(f[1], out var severity))
            throw new IOException($"unreadable cached diagnostic '{line}'");
        var at = new SourceLocation(f[2], int.Parse(f[3], CultureInfo.InvariantCulture), int.Parse(f[4], CultureInfo.InvariantCulture));
        return new Diagnostic(f[0], severity, f[5], at);
    }

    private static string Clean(string text) => text.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');

    private static void Atomic(string path, Action<string> write)
    {
        var temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            write(temp);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
