namespace ProtocolEngine.Contracts.Plugins;

/// <summary>The alternative of Fisher's exact test, on the odds ratio of the first row (as R's fisher.test).</summary>
public enum FisherAlternative
{
    /// <summary>Odds ratio not 1: the tables no more probable than the observed one.</summary>
    TwoSided,

    /// <summary>Odds ratio below 1: P(X &lt;= observed first cell).</summary>
    Less,

    /// <summary>Odds ratio above 1: P(X &gt;= observed first cell).</summary>
    Greater,
}
