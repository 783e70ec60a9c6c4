using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Plugins;

namespace ProtocolEngine.Engine.Validation;

/// <summary>What the validator needs from outside the protocol: the plugins available, by family.</summary>
public sealed record ValidationContext(IReadOnlyDictionary<PluginFamily, IReadOnlyList<string>>? Plugins)
{
    /// <summary>No plugin information: plugin names are not checked.</summary>
    public static ValidationContext Empty { get; } = new((IReadOnlyDictionary<PluginFamily, IReadOnlyList<string>>?)null);

    /// <summary>The policies each loaded CTV-selection plugin knows, by plugin name; null when not known (policies are then not checked).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? CtvPolicies { get; init; }

    /// <summary>
    /// The statistics plugin of a name, while the catalog it came from is loaded; null when not known (the stated sample
    /// size is then not recalculated).
    /// </summary>
    public Func<string, IStatisticsPlugin?>? Statistics { get; init; }

    /// <summary>Plugin names are checked against what loaded into <paramref name="catalog"/>, which must stay loaded while validating.</summary>
    public static ValidationContext From(PluginCatalog catalog) => new(catalog.AvailableNames())
    {
        Statistics = catalog.Find<IStatisticsPlugin>,
        CtvPolicies = catalog.Plugins.Where(p => p.Instance is ICtvSelectionPlugin)
            .ToDictionary(p => p.Name, p => (IReadOnlyList<string>)[.. ((ICtvSelectionPlugin)p.Instance).Policies], StringComparer.Ordinal),
    };

    /// <summary>
    /// Loads the plugins a protocol can see (beside the executable and beside the protocol) just to
    /// learn their names; the load contexts are released before returning.
    /// </summary>
    public static ValidationContext ForProtocol(PluginCatalogLoader plugins, string protocolPath)
    {
        using var catalog = plugins.Load(PluginFolders.ForProtocol(Path.GetDirectoryName(Path.GetFullPath(protocolPath))));
        return From(catalog);
    }
}
