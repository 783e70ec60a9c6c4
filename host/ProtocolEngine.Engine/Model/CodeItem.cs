using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace ProtocolEngine.Engine.Model;

[Description("One entry of a code list.")]
public sealed record CodeItem
{
    [Required, Description("The stored value.")] public string Code { get; init; } = "";
    [Required, Description("What the value means.")] public string Label { get; init; } = "";
}
