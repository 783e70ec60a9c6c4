using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Engine.Plugins;

/// <summary>Maps each plugin family to the contract interface that defines it.</summary>
internal static class PluginFamilies
{
    private static readonly (PluginFamily Family, Type Interface)[] All =
    [
        (PluginFamily.Randomization, typeof(IRandomizationPlugin)),
        (PluginFamily.CtvSelection, typeof(ICtvSelectionPlugin)),
        (PluginFamily.Statistics, typeof(IStatisticsPlugin)),
        (PluginFamily.DoseEscalation, typeof(IDoseEscalationPlugin)),
        (PluginFamily.PainResponse, typeof(IPainResponsePlugin)),
    ];

    /// <summary>The families a plugin type serves, from the family interfaces it implements.</summary>
    public static IReadOnlyList<PluginFamily> Of(Type pluginType) =>
        All.Where(f => f.Interface.IsAssignableFrom(pluginType)).Select(f => f.Family).ToList();

    /// <summary>The family interface of a family, for messages.</summary>
    public static Type InterfaceOf(PluginFamily family) => All.Single(f => f.Family == family).Interface;

    /// <summary>The family whose interface is <typeparamref name="T"/>.</summary>
    public static PluginFamily FamilyOf<T>() where T : IPlugin
    {
        foreach (var (family, contract) in All)
            if (contract == typeof(T))
                return family;
        throw new ArgumentException($"{typeof(T).Name} is not a plugin family interface; use one of {string.Join(", ", All.Select(f => f.Interface.Name))}.");
    }
}
