using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Engine.Model;

[Description("One row of a CTV table.")]
public sealed record CtvTableRow
{
    [Required, RegularExpression(Patterns.Id)] public string Id { get; init; } = "";
    [Required, Description("The GTV involvement, as the source words it.")] public string Description { get; init; } = "";
    [Required, Description("The involvement as groups of ISRC sectors (1-6): every group has an involved sector, and no involved sector lies outside the groups. [[1], [2, 3], [5, 6]]: the body and both sides.")]
    public IReadOnlyList<IReadOnlyList<int>> Gtv { get; init; } = [];
    [Description("Where within the vertebral body the GTV lies for the row to apply (focal, left, right, diffuse); empty: anywhere.")]
    public IReadOnlyList<VertebralBodyExtent> VbExtent { get; init; } = [];
    [Required, Description("Sectors the CTV always includes.")] public IReadOnlyList<int> Ctv { get; init; } = [];
    [Description("Sectors the clinician may add (the table's ±).")] public IReadOnlyList<int> Optional { get; init; } = [];
    [Description("The row is written for the left side and applies mirrored to the right (sectors 2-6 and 3-5, extents left-right swap).")]
    public bool Mirrored { get; init; }
    [Description("The row indicates a circumferential CTV around the cord.")] public bool Circumferential { get; init; }
    [Description("Where the sources disagree on the row: the protocol's choice and why.")] public string? Reading { get; init; }
}
