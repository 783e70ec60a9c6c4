using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Engine.Validation;

/// <summary>What the validator needs from outside the protocol: the plugins available, by family.</summary>
public sealed record ValidationContext(IReadOnlyDictionary<PluginFamily, IReadOnlyList<string>>? Plugins)
{
    /// <summary>No plugin information: plugin names are not checked.</summary>
    public static ValidationContext Empty { get; } = new((IReadOnlyDictionary<PluginFamily, IReadOnlyList<string>>?)null);
}
