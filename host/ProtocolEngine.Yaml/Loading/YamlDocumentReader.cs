using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ProtocolEngine.Yaml.Loading;

/// <summary>Reads one YAML file into its root node, reporting a missing file or a syntax error with its place.</summary>
internal sealed class YamlDocumentReader(DiagnosticBag diagnostics, SourceMap map)
{
    private readonly List<SourceFile> _files = [];

    /// <summary>Every file read so far (the protocol and what it includes) with its text, in reading order.</summary>
    public IReadOnlyList<SourceFile> Files => _files;

    /// <param name="file">The file to read.</param>
    /// <param name="referencedFrom">Where the file was named (an include), or null for the protocol itself.</param>
    public YamlNode? Read(string file, SourceLocation? referencedFrom)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var at = referencedFrom ?? new SourceLocation(file, 1, 1);
            var code = referencedFrom is null ? DiagnosticCodes.FileNotFound : DiagnosticCodes.IncludeFailed;
            var what = ex is FileNotFoundException or DirectoryNotFoundException ? "does not exist" : $"cannot be read ({ex.Message})";
            diagnostics.Error(code, at, $"'{file}' {what}.");
            return null;
        }
        _files.Add(new SourceFile(file, text));
        map.AddFile(file, text);

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException?.Message ?? ex.Message;
            var isDuplicate = message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase)
                              || ex.InnerException is ArgumentException;
            diagnostics.Error(
                isDuplicate ? DiagnosticCodes.DuplicateKey : DiagnosticCodes.YamlSyntax,
                new SourceLocation(file, (int)ex.Start.Line, (int)ex.Start.Column),
                isDuplicate ? $"a key appears twice in one mapping ({Clean(message)}); keep one." : $"YAML syntax: {Clean(message)}");
            return null;
        }
        if (stream.Documents.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.YamlSyntax, new SourceLocation(file, 1, 1), "the file is empty; it must hold a YAML mapping.");
            return null;
        }
        return stream.Documents[0].RootNode;
    }

    // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the location is printed separately.
    private static string Clean(string message)
    {
        var marker = message.LastIndexOf("): ", StringComparison.Ordinal);
        return marker >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(marker + 3)..] : message;
    }
}
