namespace ProtocolEngine.Engine.Plugins;

/// <summary>
/// Loads a plugin's assembly in a load context of its own: an edge's job (McMaster.NETCore.Plugins:
/// ProtocolEngine.Plugins.McMaster). The plugin's own dependencies resolve from its folder, the shared
/// types' assemblies from the host, so a plugin's types are the host's. <see cref="PluginCatalogLoader"/>
/// does the rest: finding the folders, checking the contract version, creating the plugins.
/// </summary>
public interface IPluginAssemblyLoader
{
    /// <param name="assemblyPath">Full path of the plugin's main assembly, plugins/&lt;Name&gt;/&lt;Name&gt;.dll.</param>
    /// <param name="sharedTypes">Types whose assemblies the plugin shares with the host (the contracts).</param>
    /// <returns>The loaded assembly, and its context to dispose when the plugin is no longer used.</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="BadImageFormatException">The file is not a .NET assembly.</exception>
    /// <exception cref="InvalidOperationException">The plugin's folder cannot be loaded as a plugin (for example a broken deps.json).</exception>
    /// <exception cref="ArgumentException">The path is not usable.</exception>
    PluginAssembly Load(string assemblyPath, IReadOnlyList<Type> sharedTypes);
}
