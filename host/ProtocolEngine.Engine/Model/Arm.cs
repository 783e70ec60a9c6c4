using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace ProtocolEngine.Engine.Model;

[Description("A treatment arm.")]
public sealed record Arm
{
    [Required, RegularExpression(Patterns.Id)] public string Id { get; init; } = "";
    [Required] public string Name { get; init; } = "";
    public string? Description { get; init; }
    [Required, Range(1, 100), Description("Allocation ratio weight: arms with 2 and 1 give 2:1.")]
    public int Ratio { get; init; } = 1;
    [Description("Role in the comparison.")]
    public ArmRole Role { get; init; } = ArmRole.Experimental;
    [Description("How the clinical target volume is chosen in this arm.")]
    public CtvPolicy? Ctv { get; init; }
}

public enum ArmRole { Experimental, Control }
