using ProtocolEngine.Engine.Diagnostics;

namespace ProtocolEngine.Engine.Demo.Population;

/// <summary>A population file that cannot be used: every problem found, each with its file, line and column.</summary>
public sealed class DemoPopulationException(string file, IReadOnlyList<Diagnostic> diagnostics)
    : Exception($"{file}: invalid demo population ({diagnostics.Count} error{(diagnostics.Count == 1 ? "" : "s")}); fix it or pass another file with --population.")
{
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;
}
