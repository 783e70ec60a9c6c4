using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ProtocolEngine.Yaml.Loading;

/// <summary>Reads one YAML file into its root node, reporting a missing file or a syntax error with its place.</summary>
internal sealed class YamlDocumentReader(DiagnosticBag diagnostics, SourceMap map)
{
    private readonly List<SourceFile> _files = [];
    private readonly NodeBudget _nodes = new();

    /// <summary>Every file read so far (the protocol and what it includes) with its text, in reading order.</summary>
    public IReadOnlyList<SourceFile> Files => _files;

    /// <param name="file">The file to read.</param>
    /// <param name="referencedFrom">Where the file was named (an include), or null for the protocol itself.</param>
    public YamlNode? Read(string file, SourceLocation? referencedFrom)
    {
        if (_files.Count >= ProtocolLimits.MaxFiles)
        {
            diagnostics.Error(DiagnosticCodes.LimitExceeded, referencedFrom ?? new SourceLocation(file, 1, 1),
                $"the protocol reads more than {ProtocolLimits.MaxFiles} files; include fewer, larger files.");
            return null;
        }
        var text = ProtocolText.Read(file, $"'{file}'", out var problem);
        if (text is null)
        {
            // A problem with the file as a whole (missing, empty, a device, too large) is reported where it was included.
            var wholeFile = problem!.Location is { Line: 1, Column: 1 } && problem.Code != DiagnosticCodes.InvalidText;
            if (referencedFrom is not null && wholeFile)
                problem = problem with
                {
                    Code = problem.Code == DiagnosticCodes.FileNotFound ? DiagnosticCodes.IncludeFailed : problem.Code,
                    Location = referencedFrom,
                };
            diagnostics.Add(problem);
            return null;
        }
        _files.Add(new SourceFile(file, text));
        map.AddFile(file, text);

        var stream = new YamlStream();
        try
        {
            new LimitedParser(new Parser(new StringReader(text)), _nodes).LoadInto(stream);
        }
        catch (ProtocolLimitException ex)
        {
            diagnostics.Error(DiagnosticCodes.LimitExceeded, new SourceLocation(file, (int)ex.Start.Line, (int)ex.Start.Column), ex.Message);
            return null;
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
