using System.Text.Json;
using ProtocolEngine.Engine.Diagnostics;

namespace ProtocolEngine.Engine.Rules;

/// <summary>
/// Compiled rule assemblies on disk, one per cache key, with the compile's warnings beside them so
/// a warm start reports the same warnings without compiling. Writes go to a temporary file that is
/// then renamed, so a reader never sees half an assembly.
/// </summary>
public sealed class RuleAssemblyCache(string directory)
{
    private sealed record StoredDiagnostic(string Code, Severity Severity, string Message, string File, int Line, int Column);

    public string Directory { get; } = directory;

    private string ImagePath(string key) => Path.Combine(Directory, key + ".dll");
    private string DiagnosticsPath(string key) => Path.Combine(Directory, key + ".warnings.json");

    public bool TryRead(string key, out byte[] image, out IReadOnlyList<Diagnostic> warnings)
    {
        image = [];
        warnings = [];
        var path = ImagePath(key);
        if (!File.Exists(path) || !File.Exists(DiagnosticsPath(key)))
            return false;
        image = File.ReadAllBytes(path);
        var stored = JsonSerializer.Deserialize<List<StoredDiagnostic>>(File.ReadAllText(DiagnosticsPath(key))) ?? [];
        warnings = stored.Select(d => new Diagnostic(d.Code, d.Severity, d.Message, new SourceLocation(d.File, d.Line, d.Column))).ToList();
        return true;
    }

    public void Write(string key, byte[] image, IReadOnlyList<Diagnostic> warnings)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var stored = warnings.Select(d => new StoredDiagnostic(d.Code, d.Severity, d.Message, d.Location.File, d.Location.Line, d.Location.Column)).ToList();
        Atomic(DiagnosticsPath(key), path => File.WriteAllText(path, JsonSerializer.Serialize(stored)));
        Atomic(ImagePath(key), path => File.WriteAllBytes(path, image));
    }

    public void Remove(string key)
    {
        File.Delete(ImagePath(key));
        File.Delete(DiagnosticsPath(key));
    }

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
