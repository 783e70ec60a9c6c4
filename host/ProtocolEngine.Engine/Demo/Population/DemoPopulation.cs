using ProtocolEngine.Engine.Loading;

namespace ProtocolEngine.Engine.Demo.Population;

/// <summary>
/// Who a protocol's synthetic participants are, read from a population file beside the protocol
/// (read by the YAML edge, ProtocolEngine.Yaml's DemoPopulationReader): weights for code variables, distributions for numbers,
/// where the lesions are and which variable holds the baseline pain. Plain data; the demo applies it.
/// </summary>
public sealed record DemoPopulation
{
    /// <summary>The file name the demo looks for beside the protocol's scenarios folder.</summary>
    public const string FileName = "demo-population.yaml";

    /// <summary>The file it was read from.</summary>
    public string File { get; init; } = "";
    public IReadOnlyList<CodeDistribution> Codes { get; init; } = [];
    public IReadOnlyList<NumberDistribution> Numbers { get; init; } = [];
    public LesionDistribution? Lesions { get; init; }

    /// <summary>The screening variable holding the worst pain at the treated site, if the file names one.</summary>
    public string? BaselinePain { get; init; }

    /// <summary>
    /// Where a protocol's population file is by default: <see cref="FileName"/> in the parent of its
    /// scenarios folder (beside the scenarios), or null when there is none.
    /// </summary>
    public static string? DefaultPath(ProtocolDocument document)
    {
        var scenarios = Path.GetFullPath(Path.Combine(document.Directory, document.Protocol.Scenarios ?? "scenarios"));
        var parent = Path.GetDirectoryName(scenarios.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        var path = parent is null ? null : Path.Combine(parent, FileName);
        return path is not null && System.IO.File.Exists(path) ? path : null;
    }
}
