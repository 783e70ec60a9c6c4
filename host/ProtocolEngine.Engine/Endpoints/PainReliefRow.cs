namespace ProtocolEngine.Engine.Endpoints;

/// <summary>
/// The pain relief rate of one arm at one visit occurrence in one analysis set. Denominator =
/// complete + partial + indeterminate + progression + imputed non-responders; died + lost + withdrawn +
/// missing + not assessable = imputed non-responders + excluded (as the set says); every randomized participant of
/// the arm is in exactly one of the assessed categories, died, lost, withdrawn, missing, not assessable, pending or
/// outside the set.
/// </summary>
public sealed record PainReliefRow
{
    public string Set { get; init; } = "";
    public string Visit { get; init; } = "";
    public int Occurrence { get; init; }
    public string Arm { get; init; } = "";
    public int Responders { get; init; }
    public int Denominator { get; init; }

    /// <summary>Responders / denominator, or null when the denominator is 0.</summary>
    public double? Rate { get; init; }
    public int CompleteResponse { get; init; }
    public int PartialResponse { get; init; }
    public int Indeterminate { get; init; }
    public int Progression { get; init; }
    public int Died { get; init; }
    public int LostToFollowUp { get; init; }
    public int Withdrawn { get; init; }
    public int MissingAssessment { get; init; }

    /// <summary>Baseline worst pain below the endpoint's minimum (Chow et al. 2012): no response can be assessed.</summary>
    public int NotAssessable { get; init; }

    /// <summary>Died, lost, withdrawn or missing participants counted as non-responders in the denominator.</summary>
    public int ImputedNonResponders { get; init; }

    /// <summary>Died, lost, withdrawn or missing participants the set leaves out of the denominator.</summary>
    public int Excluded { get; init; }

    /// <summary>In the set, but the visit's window has not closed yet: not counted.</summary>
    public int Pending { get; init; }

    /// <summary>Randomized to the arm but outside the set's population (e.g. did not complete treatment).</summary>
    public int OutsidePopulation { get; init; }
}
