namespace ProtocolEngine.Contracts.Plugins;

/// <summary>
/// Records, in the plugin assembly, the contract version the plugin was compiled against. Write it as
/// <c>[assembly: PluginContractVersion(ContractInfo.Version)]</c>: the argument is a constant, so the
/// compiler copies its value into the plugin and a later host can tell which contract the plugin expects.
/// The host refuses a plugin whose major version differs from its own.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class PluginContractVersionAttribute(string version) : Attribute
{
    /// <summary>The contract version, "major.minor".</summary>
    public string Version { get; } = version;
}
