using ProtocolEngine.Cli;
using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Plugins;

namespace ProtocolEngine.Tests.Support;

/// <summary>The host's own plugins, loaded from plugins/ beside the test assembly exactly as the executable loads them.</summary>
internal static class HostPlugins
{
    private static readonly Lazy<PluginCatalog> Catalog = new(() => Edges.Engine.Plugins.Load([PluginFolders.HostFolder]));

    public static PluginCatalog Loaded => Catalog.Value;

    public static IRandomizationPlugin Randomizer =>
        Loaded.Find<IRandomizationPlugin>("Randomization")
        ?? throw new InvalidOperationException($"The Randomization plugin is not in {PluginFolders.HostFolder}: {string.Join("; ", Loaded.Failures)}");

    public static IStatisticsPlugin Statistics =>
        Loaded.Find<IStatisticsPlugin>("Statistics")
        ?? throw new InvalidOperationException($"The Statistics plugin is not in {PluginFolders.HostFolder}: {string.Join("; ", Loaded.Failures)}");

    public static IPainResponsePlugin PainResponse =>
        Loaded.Find<IPainResponsePlugin>("PainResponse")
        ?? throw new InvalidOperationException($"The PainResponse plugin is not in {PluginFolders.HostFolder}: {string.Join("; ", Loaded.Failures)}");
}
