using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace ProtocolEngine.Engine.Model;

[Description("One criterion: the protocol's wording and a C# rule that is true when the criterion is met.")]
public sealed record Criterion
{
    [Required, RegularExpression(Patterns.Id)] public string Id { get; init; } = "";

    [Required, Description("The protocol's own wording.")]
    public string Text { get; init; } = "";

    [Description("C# boolean expression over the variables; true when the criterion is met. Omit when the criterion has parts.")]
    public string? Rule { get; init; }

    [Description("Sub-criteria (a, b, c ...); the criterion is met when any (or all) of them is.")]
    public IReadOnlyList<Criterion>? Parts { get; init; }

    [Description("How parts combine: any (default) or all.")]
    public Combine Combine { get; init; } = Combine.Any;

    [Description("How this criterion was read where the protocol is ambiguous.")]
    public string? Note { get; init; }
}

public enum Combine { Any, All }
