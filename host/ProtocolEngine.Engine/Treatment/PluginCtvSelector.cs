using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Plugins;

namespace ProtocolEngine.Engine.Treatment;

/// <summary>
/// The arms' CTV plugins, reached through the plugin catalog: each arm's policy, its table from the protocol
/// (mapped onto the contract) and the protocol's PTV margin go to the plugin the arm names.
/// </summary>
public sealed class PluginCtvSelector(Protocol protocol, PluginCatalog catalog) : ICtvSelector
{
    public CtvSelection Select(Arm arm, CtvLesion lesion)
    {
        var ctv = arm.Ctv ?? throw new ArgumentException($"arm '{arm.Id}' has no ctv policy; add one under the arm.");
        var name = ctv.Plugin ?? throw new ArgumentException($"arm '{arm.Id}': ctv names no plugin; add 'plugin:' naming the CTV plugin.");
        var plugin = catalog.Find<ICtvSelectionPlugin>(name)
            ?? throw new ArgumentException($"arm '{arm.Id}': CTV plugin '{name}' is not installed; run `protocol-engine plugins` to see what loaded and why.");
        return plugin.Select(Request(protocol, ctv, lesion));
    }

    /// <summary>The contract's request for one lesion under an arm's policy.</summary>
    public static CtvSelectionRequest Request(Protocol protocol, CtvPolicy ctv, CtvLesion lesion) => new()
    {
        Policy = ctv.Policy,
        InvolvedSectors = lesion.Sectors,
        VertebralBodyExtent = lesion.VbExtent,
        Epidural = lesion.Epidural,
        Table = ctv.Table is { } id ? Table(protocol.CtvTables.FirstOrDefault(t => t.Id == id)
            ?? throw new ArgumentException($"CTV table '{id}' is not in the protocol's ctv_tables.")) : null,
        PtvMarginCm = protocol.Fractionation?.PtvMarginCm,
    };

    public static CtvPolicyTable Table(CtvTable table) => new([.. table.Rows.Select(r => new CtvPolicyRow
    {
        Id = r.Id, Description = r.Description, SectorGroups = r.Gtv, VertebralBodyExtents = r.VbExtent,
        Include = r.Ctv, Optional = r.Optional, Mirrored = r.Mirrored, Circumferential = r.Circumferential,
    })])
    {
        Source = table.Source, CombineParts = table.CombineParts,
    };
}
