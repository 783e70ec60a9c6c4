namespace ProtocolEngine.Engine.Reporting;

/// <summary>Who one analysis set analyses at the primary time point, and who it leaves out.</summary>
public sealed record SetCount
{
    public string Set { get; init; } = "";
    public string Label { get; init; } = "";

    /// <summary>The denominator of the pain relief rate.</summary>
    public int Analysed { get; init; }

    /// <summary>Died, lost, withdrawn, missing or not assessable and left out by the set's rules.</summary>
    public int Excluded { get; init; }

    /// <summary>Why they were left out, one count per reason the set excludes (died, lost to follow-up, withdrawn, no assessment, not assessable).</summary>
    public IReadOnlyList<ReasonCount> ExcludedReasons { get; init; } = [];

    /// <summary>Counted as non-responders (died, lost, withdrawn, missing or not assessable, as the set's rules say).</summary>
    public int ImputedNonResponders { get; init; }

    /// <summary>Outside the set's population (e.g. did not complete radiotherapy).</summary>
    public int OutsidePopulation { get; init; }

    /// <summary>The time point's window has not closed yet.</summary>
    public int Pending { get; init; }
}
