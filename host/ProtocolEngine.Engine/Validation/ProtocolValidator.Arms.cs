using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Validation;

public sealed partial class ProtocolValidator
{
    private void CheckArms(Run run)
    {
        var protocol = run.Protocol;
        run.Unique(protocol.Arms, a => a.Id, "arm");
        if (!run.Bound(protocol, nameof(Protocol.Arms)))
            return;
        if (protocol.Arms.Count == 0)
            run.Error(DiagnosticCodes.EmptySection, protocol, nameof(Protocol.Arms), "'arms' is empty; a trial needs at least one arm.");
        if (run.Bound(protocol.Design, nameof(Design.Allocation)) && protocol.Design.Allocation == Allocation.Randomized && protocol.Arms.Count < 2)
            run.Error(DiagnosticCodes.ArmsInconsistent, protocol, nameof(Protocol.Arms), $"the design is randomized but there {(protocol.Arms.Count == 1 ? "is 1 arm" : $"are {protocol.Arms.Count} arms")}; randomization needs at least two.");
        foreach (var arm in protocol.Arms)
        {
            if (arm.Ctv?.Plugin is { } plugin)
                CheckPlugin(run, arm.Ctv, nameof(CtvPolicy.Plugin), PluginFamily.CtvSelection, plugin);
        }
    }

    /// <summary>Checks a plugin name against the plugins that loaded, when the caller knows them.</summary>
    private void CheckPlugin(Run run, object owner, string member, PluginFamily family, string name)
    {
        if (context.Plugins is null)
            return;
        var available = context.Plugins.TryGetValue(family, out var names) ? names : [];
        if (!available.Contains(name, StringComparer.Ordinal))
        {
            var list = available.Count == 0 ? "none is installed" : $"available: {string.Join(", ", available)}";
            var hint = Loading.Naming.Closest(name, available) is { } close ? $"did you mean '{close}'? " : "";
            run.Error(DiagnosticCodes.UnknownPlugin, owner, member, $"unknown {Loading.Naming.EnumValue(family)} plugin '{name}'; {hint}{list}.");
        }
    }
}
