namespace ProtocolEngine.Engine.Plugins;

/// <summary>A plugin that could not be loaded; the others still are.</summary>
/// <param name="Path">The plugin's folder or assembly.</param>
/// <param name="Reason">Why, and how to fix it.</param>
public sealed record PluginLoadFailure(string Path, string Reason)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Path}: {Reason}";
}
