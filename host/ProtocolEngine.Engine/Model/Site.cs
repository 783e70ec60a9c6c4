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
    [Description("Make-up working days: days outside the treatment weekdays on which the site works and treats (ISO dates), as official calendars that move a holiday give them.")]
    public IReadOnlyList<DateOnly> WorkingDays { get; init; } = [];
}
