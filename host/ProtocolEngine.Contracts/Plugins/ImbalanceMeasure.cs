namespace ProtocolEngine.Contracts.Plugins;

/// <summary>How minimization measures imbalance among the ratio-adjusted arm counts of one factor level.</summary>
public enum ImbalanceMeasure
{
    /// <summary>Largest minus smallest count (Pocock and Simon's range).</summary>
    Range,

    /// <summary>Sample variance of the counts.</summary>
    Variance,
}
