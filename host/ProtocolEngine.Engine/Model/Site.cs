using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace ProtocolEngine.Engine.Model;

[Description("A participating site.")]
public sealed record Site
{
    [Required, RegularExpression(Patterns.Slug)] public string Id { get; init; } = "";
    [Required] public string Name { get; init; } = "";
    public string? Country { get; init; }
    [Description("The site's time zone, an IANA id (e.g. Asia/Shanghai, Europe/Berlin): 'today' at the site, and every check that a date is not in the future, uses the date there. Without one, the UTC date (with a warning).")]
    public string? TimeZone { get; init; }
    [Description("Days the site gives no treatment besides weekends (ISO dates).")]
    public IReadOnlyList<DateOnly> Holidays { get; init; } = [];
    [Description("Make-up working days: days outside the treatment weekdays on which the site works and treats (ISO dates), as official calendars that move a holiday give them.")]
    public IReadOnlyList<DateOnly> WorkingDays { get; init; } = [];
}
