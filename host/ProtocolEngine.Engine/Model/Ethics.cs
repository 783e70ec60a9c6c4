using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace ProtocolEngine.Engine.Model;

[Description("Ethics committee approval.")]
public sealed record Ethics
{
    [Required, Description("The approving committee.")]
    public string Committee { get; init; } = "";

    [Required, Description("The approval number.")]
    public string Approval { get; init; } = "";

    [Description("Date of approval.")]
    public DateOnly? ApprovedOn { get; init; }
}
