namespace ProtocolEngine.Contracts;

/// <summary>
/// The version of the contracts that plugins and rules compile against. A plugin records the
/// value it was built with (a constant, so it is baked into the plugin at compile time) and the
/// host refuses a plugin whose major version differs from its own.
/// </summary>
public static class ContractInfo
{
    /// <summary>Current contract version, "major.minor". Bump major on any breaking change.</summary>
    public const string Version = "1.1";
}
