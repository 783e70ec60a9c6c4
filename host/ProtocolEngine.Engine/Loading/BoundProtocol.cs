using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Loading;

/// <summary>What an <see cref="IProtocolReader"/> bound: the model, and every file it read for it (the protocol and what it includes) in reading order.</summary>
public sealed record BoundProtocol(Protocol Protocol, IReadOnlyList<SourceFile> Files);
