using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Engine.Plugins;

/// <summary>A plugin the host loaded and created.</summary>
/// <param name="Name">The name a protocol uses to choose it.</param>
/// <param name="Version">The plugin's own version.</param>
/// <param name="Family">The family it serves.</param>
/// <param name="Path">Full path of its assembly.</param>
/// <param name="ContractVersion">The contract version it was built against.</param>
/// <param name="Description">What it does, in its own words.</param>
/// <param name="Instance">The plugin object; cast to the family interface (or use <see cref="PluginCatalog.Find{T}"/>).</param>
public sealed record LoadedPlugin(string Name, string Version, PluginFamily Family, string Path, string ContractVersion, string Description, IPlugin Instance);
