using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace ProtocolEngine.Engine.Model;

[Description("A scheduled visit: a time relative to an anchor event, a window, optionally repeating.")]
public sealed record Visit
{
    [Required, RegularExpression(Patterns.Id)] public string Id { get; init; } = "";
    [Required] public string Label { get; init; } = "";
    [Required, Description("The event the visit is timed from.")] public VisitAnchor Anchor { get; init; }
    [Description("Offset from the anchor in days (negative: before). Give exactly one of days, weeks, months.")]
    public int? Days { get; init; }
    public int? Weeks { get; init; }
    public int? Months { get; init; }
    [Required, Description("Tolerance around the target date.")] public VisitWindow Window { get; init; } = new();
    [Description("Repeat the visit at a fixed interval after the first one.")] public VisitRepeat? Repeat { get; init; }
    [Description("What is collected at the visit (form ids: pain, analgesics, adverse-events, imaging ...).")]
    public IReadOnlyList<string> Collect { get; init; } = [];
}

public enum VisitAnchor { Screening, Randomization, RadiotherapyStart, RadiotherapyEnd }

[Description("Days allowed before and after the target date.")]
public sealed record VisitWindow
{
    [Required, Range(0, 365)] public int BeforeDays { get; init; }
    [Required, Range(0, 365)] public int AfterDays { get; init; }
}

[Description("Repetition of a visit.")]
public sealed record VisitRepeat
{
    [Required, Range(1, 120)] public int EveryMonths { get; init; }
    [Required, Range(1, 240), Description("Last month (from the anchor) at which the visit recurs.")] public int UntilMonth { get; init; }
}
