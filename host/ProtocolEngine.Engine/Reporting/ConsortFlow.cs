namespace ProtocolEngine.Engine.Reporting;

/// <summary>The CONSORT flow from registration to analysis.</summary>
public sealed record ConsortFlow
{
    /// <summary>Participants registered (consented and entered).</summary>
    public int Registered { get; init; }

    /// <summary>Registered participants with at least one stored screening: assessed for eligibility.</summary>
    public int Screened { get; init; }

    /// <summary>Screened and ineligible at their latest screening, never randomized.</summary>
    public int Ineligible { get; init; }

    /// <summary>Participants per criterion that excluded them (an inclusion not met, an exclusion met); one participant may fail several.</summary>
    public IReadOnlyList<ReasonCount> IneligibleReasons { get; init; } = [];

    /// <summary>Screened, not randomized, and the latest screening could not decide (data missing).</summary>
    public int ScreeningIncomplete { get; init; }

    /// <summary>Eligible (or withdrawn before randomization) but not randomized.</summary>
    public int EligibleNotRandomized { get; init; }
    public int Randomized { get; init; }
    public IReadOnlyList<ConsortArm> Arms { get; init; } = [];
}
