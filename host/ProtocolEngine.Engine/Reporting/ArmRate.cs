namespace ProtocolEngine.Engine.Reporting;

/// <summary>One arm's pain relief: responders (complete + partial) over the set's denominator, with the interval.</summary>
public sealed record ArmRate
{
    public string Arm { get; init; } = "";
    public int Responders { get; init; }
    public int Denominator { get; init; }

    /// <summary>Null when the denominator is 0.</summary>
    public double? Rate { get; init; }
    public double? Lower { get; init; }
    public double? Upper { get; init; }
    public int CompleteResponse { get; init; }
    public int PartialResponse { get; init; }
    public int Indeterminate { get; init; }
    public int Progression { get; init; }

    /// <summary>Died, lost, withdrawn or missing, counted as non-responders by the set.</summary>
    public int ImputedNonResponders { get; init; }

    /// <summary>Died, lost, withdrawn or missing, left out by the set.</summary>
    public int Excluded { get; init; }
    public int OutsidePopulation { get; init; }
    public int Pending { get; init; }
}
