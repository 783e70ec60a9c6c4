namespace ProtocolEngine.Engine.Loading;

/// <summary>A file read for a protocol, with the text it had: part of the protocol version.</summary>
public sealed record SourceFile(string Path, string Text);
