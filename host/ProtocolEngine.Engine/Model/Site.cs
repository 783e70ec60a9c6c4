using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace ProtocolEngine.Engine.Model;

[Description("A participating site.")]
public sealed record Site
{
    [Required, RegularExpression(Patterns.Slug)] public string Id { get; init; } = "";
    [Required] public string Name { get; init; } = "";
    public string? Country { get; init; }
    [Description("Days the site gives no treatment besides weekends (ISO dates).")]
    public IReadOnlyList<DateOnly> Holidays { get; init; } = [];
}
