using System.Reflection;
using ProtocolEngine.Contracts;
using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Engine.Plugins;

/// <summary>Reads the contract version a plugin assembly was built against and compares it with the host's.</summary>
internal static class ContractVersionCheck
{
    /// <summary>The version the plugin declares, read by attribute name so that no plugin code runs; null if it declares none.</summary>
    public static string? Declared(Assembly assembly) =>
        assembly.GetCustomAttributesData()
            .Where(a => a.AttributeType.FullName == typeof(PluginContractVersionAttribute).FullName)
            .Select(a => a.ConstructorArguments.Count == 1 ? a.ConstructorArguments[0].Value as string : null)
            .FirstOrDefault();

    /// <summary>Null when the plugin's version is compatible with the host's; otherwise why not and what to do.</summary>
    public static string? Problem(string? declared, string required)
    {
        if (declared is null)
            return $"the assembly does not say which contract version it was built against; add [assembly: PluginContractVersion(ContractInfo.Version)] and rebuild it against ProtocolEngine.Contracts {required}";
        var found = Major(declared);
        if (found is null)
            return $"the contract version '{declared}' is not of the form major.minor; rebuild it against ProtocolEngine.Contracts {required}";
        return found == Major(required)
            ? null
            : $"built against contract version {declared}, but this host requires contract version {Major(required)}.x (it has {required}); rebuild the plugin against ProtocolEngine.Contracts {required}";
    }

    /// <summary>The host's contract version.</summary>
    public static string HostVersion => ContractInfo.Version;

    private static int? Major(string version) =>
        int.TryParse(version.Split('.')[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var major)
            ? major
            : null;
}
