using System.Text.RegularExpressions;
using ProtocolEngine.Cli;
using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Validation;

namespace ProtocolEngine.Fuzz;

/// <summary>
/// The YAML loader: the input is protocol.yaml (in a throwaway copy of the seed trial's folder, so that
/// <c>!include</c> and <c>scripts:</c> can reach real files), loaded and checked exactly as <c>validate</c> does before
/// it compiles the rules: <see cref="Edges.Engine"/>'s loader, then <see cref="ProtocolValidator"/> with the plugins that
/// ship with the program. Failure: any exception; a load without a document and without an error; a diagnostic that
/// is not a located <c>FILE:LINE:COL: PEnnnn: message</c>. Rules are not compiled (Roslyn is a surface of its own,
/// issue 11 point 1); time and memory are bounded by the driver (afl-fuzz <c>-t</c>, <c>DOTNET_GCHeapHardLimit</c>).
/// </summary>
public sealed partial class YamlLoaderTarget : IFuzzTarget
{
    private readonly string _file;
    private readonly ValidationContext _context;

    /// <summary>Copies the seed trial into a new throwaway folder and learns the plugins' names once.</summary>
    public YamlLoaderTarget()
    {
        var folder = SeedTrial.NewWorkFolder(Name);
        SeedTrial.CopyTo(folder);
        _file = Path.Combine(folder, "protocol.yaml");
        _context = ValidationContext.ForProtocol(Edges.Engine.Plugins, _file);
    }

    /// <inheritdoc />
    public string Name => "yaml";

    /// <inheritdoc />
    public void Run(byte[] input)
    {
        File.WriteAllBytes(_file, input);
        var diagnostics = new DiagnosticBag();
        var loaded = Edges.Engine.Loader.Load(_file, diagnostics);
        if (loaded.Document is not null)
            new ProtocolValidator(_context).Validate(loaded.Document, diagnostics);
        if (loaded.Document is null && !diagnostics.HasErrors)
            throw new FuzzFailure("the loader gave no protocol and no error");
        foreach (var d in diagnostics.Items)
            Located(d);
    }

    /// <summary>A diagnostic names a file, a line and a column from 1, a code PEnnnn and a message.</summary>
    public static void Located(Diagnostic d)
    {
        if (string.IsNullOrEmpty(d.Location.File) || d.Location.Line < 1 || d.Location.Column < 1)
            throw new FuzzFailure($"a diagnostic without a place: {d}");
        if (!Code().IsMatch(d.Code))
            throw new FuzzFailure($"a diagnostic without a PEnnnn code: {d}");
        if (string.IsNullOrWhiteSpace(d.Message))
            throw new FuzzFailure($"a diagnostic without a message: {d}");
    }

    [GeneratedRegex("^PE[0-9]{4}$")]
    private static partial Regex Code();
}
