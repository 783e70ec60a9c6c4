namespace ProtocolEngine.Engine.Workspace;

/// <summary>The trial at a glance on <see cref="AsOf"/>.</summary>
public sealed record DashboardSummary
{
    public DateOnly AsOf { get; init; }

    /// <summary>The statistics plan's total sample size.</summary>
    public int TargetTotal { get; init; }
    public int Randomized { get; init; }
    public IReadOnlyList<ArmEnrolment> Arms { get; init; } = [];

    /// <summary>Randomized participants, cumulative, at the end of each month from the first randomization to <see cref="AsOf"/>.</summary>
    public IReadOnlyList<EnrolmentPoint> EnrolmentOverTime { get; init; } = [];
    public int Registered { get; init; }
    public int Screened { get; init; }
    public int Ineligible { get; init; }
    public int FractionsToday { get; init; }
    public int VisitsDueThisWeek { get; init; }
    public int VisitsOverdue { get; init; }
    public int OpenSevereAdverseEvents { get; init; }
}

/// <summary>An arm's enrolment against its share of the target (the target times its allocation ratio's share).</summary>
public sealed record ArmEnrolment(string ArmId, string Name, int Randomized, int Target);

/// <summary>The cumulative number randomized by the end of a month (yyyy-MM).</summary>
public sealed record EnrolmentPoint(string Month, int Randomized);
