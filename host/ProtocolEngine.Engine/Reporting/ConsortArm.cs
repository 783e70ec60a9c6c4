namespace ProtocolEngine.Engine.Reporting;

/// <summary>One arm of the CONSORT flow: allocation, radiotherapy, follow-up and analysis.</summary>
public sealed record ConsortArm
{
    public string Arm { get; init; } = "";
    public int Randomized { get; init; }

    /// <summary>At least one fraction delivered (radiotherapy started).</summary>
    public int Treated { get; init; }
    public int NotTreated { get; init; }

    /// <summary>Every planned fraction delivered.</summary>
    public int CompletedCourse { get; init; }

    /// <summary>Radiotherapy stopped before the planned course was delivered.</summary>
    public int StoppedEarly { get; init; }
    public IReadOnlyList<ReasonCount> StopReasons { get; init; } = [];

    /// <summary>Participants with a pain assessment at each visit occurrence, in protocol order.</summary>
    public IReadOnlyList<VisitCount> Assessed { get; init; } = [];
    public int Died { get; init; }
    public int LostToFollowUp { get; init; }
    public int Withdrawn { get; init; }

    /// <summary>Withdrawals per drop-out criterion of the protocol.</summary>
    public IReadOnlyList<ReasonCount> WithdrawalReasons { get; init; } = [];

    /// <summary>Randomized with a baseline worst pain below the endpoint's minimum: not assessable for response at any visit.</summary>
    public int NotAssessable { get; init; }

    /// <summary>Why those are not assessable, e.g. "baseline worst pain below 2 (Chow et al. 2012)"; empty without a rule.</summary>
    public string NotAssessableReason { get; init; } = "";

    /// <summary>Analysed for the primary endpoint at its time point, per analysis set.</summary>
    public IReadOnlyList<SetCount> Analysed { get; init; } = [];
}
