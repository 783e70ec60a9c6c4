using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace ProtocolEngine.Engine.Model;

[Description("A dose constraint on an organ at risk, checked against the plan values recorded per participant.")]
public sealed record OrganConstraint
{
    [Required, RegularExpression(Patterns.Slug), Description("Structure id used by `plan record --structure` (e.g. spinal-cord).")]
    public string Structure { get; init; } = "";
    [Required] public string Label { get; init; } = "";
    [Required, Range(0.1, 200.0), Description("The limit on the structure's maximum point dose, as EQD2 (Gy) at alpha_beta_gy when given, else as physical dose.")]
    public double DmaxGy { get; init; }
    [Range(0.1, 100.0), Description("alpha/beta (Gy) of the tissue: the plan's Dmax over its fractions is converted to EQD2 before it is compared.")]
    public double? AlphaBetaGy { get; init; }
    [Required, Description("The publication the limit comes from.")] public string Source { get; init; } = "";
    [Description("How the protocol reads the source (which end point, which alpha/beta).")] public string? Reading { get; init; }
}
