using System.Security.Cryptography;
using System.Text;
using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Loading;

/// <summary>
/// Reads a protocol file (through the host's <see cref="IProtocolReader"/>: protocol.yaml and what it
/// includes) and the scripts it names into a <see cref="ProtocolDocument"/>.
/// </summary>
public sealed class ProtocolLoader(IProtocolReader reader)
{
    /// <summary>Loads and binds; semantic checks are the validator's job.</summary>
    public LoadResult Load(string path, DiagnosticBag? diagnostics = null)
    {
        diagnostics ??= new DiagnosticBag();
        var map = new SourceMap();
        var bound = reader.Read(path, map, diagnostics);
        if (bound is null)
            return new LoadResult(null, diagnostics.Sorted());

        var protocol = bound.Protocol;
        var scripts = ReadScripts(protocol, map, path, diagnostics);
        var hash = Hash(bound.Files, scripts);
        var document = new ProtocolDocument(protocol, map, path, bound.Files.Select(f => f.Path).ToList(), scripts, hash);
        return new LoadResult(document, diagnostics.Sorted());
    }

    private static Dictionary<string, string> ReadScripts(Protocol protocol, SourceMap map, string path, DiagnosticBag diagnostics)
    {
        var scripts = new Dictionary<string, string>(StringComparer.Ordinal);
        var directory = Path.GetDirectoryName(path) ?? ".";
        var folder = new ProtocolFolder(path);
        for (var i = 0; i < protocol.Scripts.Count; i++)
        {
            var relative = protocol.Scripts[i];
            var at = map.At(protocol.Scripts, $"[{i}]", path);
            if (i >= ProtocolLimits.MaxFiles)
            {
                diagnostics.Error(DiagnosticCodes.LimitExceeded, at, $"the protocol names more than {ProtocolLimits.MaxFiles} scripts; join them into fewer files.");
                break;
            }
            if (folder.Resolve(path, relative, out var refusal) is null)
            {
                diagnostics.Error(DiagnosticCodes.OutsideProtocolFolder, at, $"script '{relative}' {refusal}.");
                continue;
            }
            var file = Path.Combine(directory, relative);
            var text = ProtocolText.Read(file, $"script '{relative}'", out var problem);
            if (text is not null)
                scripts[file] = text;
            else if (problem!.Code == DiagnosticCodes.InvalidText)
                diagnostics.Add(problem);
            else
                diagnostics.Error(problem.Code == DiagnosticCodes.FileNotFound ? DiagnosticCodes.ScriptNotFound : problem.Code, at,
                    $"{problem.Message.TrimEnd('.')}; paths are relative to {Path.GetFileName(path)}.");
        }
        return scripts;
    }

    /// <summary>SHA-256 over every file's name and text, so any edit gives a new protocol version.</summary>
    private static string Hash(IReadOnlyList<SourceFile> files, IReadOnlyDictionary<string, string> scripts)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (file, text) in files)
            Append(sha, Path.GetFileName(file), text);
        foreach (var (file, text) in scripts.OrderBy(s => s.Key, StringComparer.Ordinal))
            Append(sha, Path.GetFileName(file), text);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static void Append(IncrementalHash sha, string name, string text)
    {
        sha.AppendData(Encoding.UTF8.GetBytes(name));
        sha.AppendData([0]);
        sha.AppendData(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n")));
        sha.AppendData([0]);
    }
}
