using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace ProtocolEngine.Engine.Model;

[Description("A value computed from the variables by a C# expression; other rules use it by its id.")]
public sealed record DerivedField
{
    [Required, RegularExpression(Patterns.Identifier)] public string Id { get; init; } = "";
    [Required] public string Label { get; init; } = "";
    [Required, Description("integer, number, boolean, date, code or text.")] public VariableType Type { get; init; }
    public string? Unit { get; init; }
    [Required, Description("C# expression over the variables (and script members) giving the value.")]
    public string Rule { get; init; } = "";
}
