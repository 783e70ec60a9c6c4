using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Engine.Plugins;

/// <summary>
/// The plugins a host loaded, and those it could not load with the reason. Create one with
/// <see cref="PluginCatalogLoader.Load"/>. Disposing it releases the plugins' load contexts.
/// </summary>
public sealed class PluginCatalog : IDisposable
{
    private readonly IReadOnlyList<IDisposable> _loaders;

    internal PluginCatalog(IReadOnlyList<LoadedPlugin> plugins, IReadOnlyList<PluginLoadFailure> failures, IReadOnlyList<IDisposable> loaders)
    {
        Plugins = plugins;
        Failures = failures;
        _loaders = loaders;
    }

    /// <summary>Loaded plugins in load order (host folder first, then the protocol's).</summary>
    public IReadOnlyList<LoadedPlugin> Plugins { get; }

    /// <summary>Plugins that failed to load, each with its path and reason.</summary>
    public IReadOnlyList<PluginLoadFailure> Failures { get; }

    /// <summary>The plugin of a family with that exact name, or null.</summary>
    public LoadedPlugin? Find(PluginFamily family, string name) =>
        Plugins.FirstOrDefault(p => p.Family == family && string.Equals(p.Name, name, StringComparison.Ordinal));

    /// <summary>The plugin with that name in the family of <typeparamref name="T"/> (e.g. <see cref="IRandomizationPlugin"/>), or null.</summary>
    public T? Find<T>(string name) where T : class, IPlugin =>
        Find(PluginFamilies.FamilyOf<T>(), name)?.Instance as T;

    /// <summary>Names of the loaded plugins of a family, sorted, for messages like "available: A, B".</summary>
    public IReadOnlyList<string> NamesFor(PluginFamily family) =>
        Plugins.Where(p => p.Family == family).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();

    /// <summary>Names of the loaded plugins of every family (families without plugins have an empty list).</summary>
    public IReadOnlyDictionary<PluginFamily, IReadOnlyList<string>> AvailableNames() =>
        Enum.GetValues<PluginFamily>().ToDictionary(f => f, NamesFor);

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var loader in _loaders)
            loader.Dispose();
    }
}
