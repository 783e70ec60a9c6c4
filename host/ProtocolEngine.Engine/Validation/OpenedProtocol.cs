using ProtocolEngine.Engine.Loading;
using ProtocolEngine.Engine.Rules;

namespace ProtocolEngine.Engine.Validation;

/// <summary>A validated protocol and its compiled rules (null when anything had an error).</summary>
public sealed record OpenedProtocol(LoadResult Load, CompiledProtocol? Rules) : IDisposable
{
    public void Dispose() => Rules?.Dispose();
}
