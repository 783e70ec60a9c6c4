using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Loading;

/// <summary>
/// A bound protocol with everything needed to work on it: the model, where each value came from,
/// the files it was read from, the text of its scripts and a hash of all of them (the protocol
/// version that records are made under).
/// </summary>
public sealed record ProtocolDocument(
    Protocol Protocol,
    SourceMap Map,
    string Path,
    IReadOnlyList<string> Files,
    IReadOnlyDictionary<string, string> Scripts,
    string ContentHash)
{
    /// <summary>Folder of the protocol file; relative paths in it resolve from here.</summary>
    public string Directory => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) ?? ".";
}
