using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace ProtocolEngine.Engine.Model;

[Description("A CTV table: GTV involvement (ISRC sectors) -> CTV sectors, rows tried in order, the first describing the whole lesion deciding.")]
public sealed record CtvTable
{
    [Required, RegularExpression(Patterns.Id), Description("Id the arms' ctv.table names.")]
    public string Id { get; init; } = "";
    [Required, Description("The policy the table serves (e.g. isrc-consensus).")]
    public string Policy { get; init; } = "";
    [Required, Description("Where the table comes from: the publication and how it was reproduced.")]
    public string Source { get; init; } = "";
    [Description("When no row describes the whole lesion: true covers it part by part (the CTV is the union of the rows describing its largest parts); false refuses it.")]
    public bool CombineParts { get; init; }
    [Description("The protocol's reading of how the table is applied (e.g. why parts are combined).")]
    public string? Reading { get; init; }
    [Required, Description("The rows, in the order they are tried.")]
    public IReadOnlyList<CtvTableRow> Rows { get; init; } = [];
}
