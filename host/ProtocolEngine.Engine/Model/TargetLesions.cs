using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace ProtocolEngine.Engine.Model;

[Description("Where the treated lesions are in the screening data: a 'records' variable and its fields. At randomization each treated lesion gets its target volume from the arm's CTV policy.")]
public sealed record TargetLesions
{
    [Required, RegularExpression(Patterns.Identifier), Description("The variable of type 'records' holding one record per lesion.")]
    public string Variable { get; init; } = "";
    [Required, RegularExpression(Patterns.Identifier), Description("Field: the vertebral level (code or text).")]
    public string Level { get; init; } = "";
    [Required, RegularExpression(Patterns.Identifier), Description("Field: the ISRC sectors (1-6) the GTV involves (integer, many).")]
    public string Sectors { get; init; } = "";
    [RegularExpression(Patterns.Identifier), Description("Field: where within the vertebral body the GTV lies (code: focal, left, right, diffuse).")]
    public string? VbExtent { get; init; }
    [RegularExpression(Patterns.Identifier), Description("Field: epidural involvement (boolean).")]
    public string? Epidural { get; init; }
    [RegularExpression(Patterns.Identifier), Description("Field: the lesion is a target of this course (boolean); without it every lesion is treated.")]
    public string? Treated { get; init; }
}
