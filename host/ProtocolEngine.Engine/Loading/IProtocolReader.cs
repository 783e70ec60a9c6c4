using ProtocolEngine.Engine.Diagnostics;

namespace ProtocolEngine.Engine.Loading;

/// <summary>
/// Reads a protocol file of one format into the model: an edge's job (protocol.yaml: ProtocolEngine.Yaml).
/// The reader binds what it can, reports every problem into the bag with its file, line and column
/// instead of stopping at the first, and records in the <see cref="SourceMap"/> where each object and
/// member came from. <see cref="ProtocolLoader"/> adds the scripts and the version hash.
/// </summary>
public interface IProtocolReader
{
    /// <param name="path">The protocol file.</param>
    /// <param name="map">Where every bound object and member came from; the reader fills it.</param>
    /// <param name="diagnostics">Every problem found.</param>
    /// <returns>The bound protocol with every file read for it, or null when nothing could be bound (the bag says why).</returns>
    BoundProtocol? Read(string path, SourceMap map, DiagnosticBag diagnostics);
}
