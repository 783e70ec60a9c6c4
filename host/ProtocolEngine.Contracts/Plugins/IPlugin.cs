namespace ProtocolEngine.Contracts.Plugins;

/// <summary>
/// What every plugin is. A plugin implements exactly one family interface
/// (<see cref="IRandomizationPlugin"/>, <see cref="ICtvSelectionPlugin"/>, <see cref="IStatisticsPlugin"/>,
/// <see cref="IDoseEscalationPlugin"/>); the host learns the family from that interface. The plugin's
/// assembly must carry <see cref="PluginContractVersionAttribute"/> with <see cref="ContractInfo.Version"/>.
/// The host creates the plugin through a public parameterless constructor.
/// </summary>
public interface IPlugin
{
    /// <summary>The name a protocol uses to choose this plugin (e.g. "Randomization"). Unique within a family.</summary>
    string Name { get; }

    /// <summary>The plugin's own version, for the record of which code made a decision (e.g. "1.2.0").</summary>
    string Version { get; }

    /// <summary>One line saying what the plugin does.</summary>
    string Description { get; }
}
