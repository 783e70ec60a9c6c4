using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Scheduling;

namespace ProtocolEngine.Engine.Roster;

/// <summary>One participant in the trial's roster: the registration record and the visits still open.</summary>
public sealed record RosterEntry
{
    /// <summary>The participant's registration record, as stored.</summary>
    public Participant Participant { get; init; } = new();

    /// <summary>True once the participant has a screening record.</summary>
    public bool Screened { get; init; }

    /// <summary>The allocated arm, once randomized.</summary>
    public string? ArmId { get; init; }

    /// <summary>The day of randomization, once randomized.</summary>
    public DateOnly? RandomizedOn { get; init; }

    /// <summary>The day of the last fraction recorded (given or missed), if any.</summary>
    public DateOnly? LastFractionOn { get; init; }

    /// <summary>True while the participant's radiotherapy course is randomized and not closed (fractions may still be given).</summary>
    public bool TreatmentOngoing { get; init; }

    /// <summary>Adverse events not yet resolved of CTCAE grade 3 or more.</summary>
    public int OpenSevereAdverseEvents { get; init; }

    /// <summary>
    /// True when the participant's visits hang on a projected anchor (randomized with no fraction given yet, or a course
    /// under way): their dates move with the calendar, so they are planned from the participant's records when asked.
    /// </summary>
    public bool Live { get; init; }

    /// <summary>
    /// For an entry that is not live: every visit occurrence with nothing recorded that is still expected (not after a
    /// withdrawal, a death or a loss to follow-up). Their dates are fixed; whether each is upcoming, due or overdue
    /// depends only on the day asked about. Empty when nothing is open.
    /// </summary>
    public IReadOnlyList<VisitOccurrence> Open { get; init; } = [];

    /// <summary>The <see cref="Open"/> occurrences with their status on <paramref name="day"/> (upcoming, due or overdue).</summary>
    public IEnumerable<VisitOccurrence> OpenOn(DateOnly day) =>
        Open.Select(o => o with { Status = VisitPlanner.WindowStatus(o.WindowStart, o.WindowEnd, day) });
}
