namespace ProtocolEngine.Contracts;

/// <summary>
/// The version of the contracts that plugins and rules compile against. A plugin records the
/// value it was built with (a constant, so it is baked into the plugin at compile time) and the
/// host refuses a plugin whose major version differs from its own.
/// </summary>
public static class ContractInfo
{
    /// <summary>
    /// Current contract version, "major.minor". Bump major on any breaking change. 2.0 (P7): members added to
    /// <c>IStatisticsPlugin</c> (a breaking change for implementations), the CTV family's lesion details, sector
    /// groups, mirrored rows, circumferential CTVs and PTV margin, and the pain-response family.
    /// 2.1: the dose-escalation simulator family (<c>IDoseEscalationSimulator</c>: decision tables and simulation).
    /// </summary>
    public const string Version = "2.1";
}
