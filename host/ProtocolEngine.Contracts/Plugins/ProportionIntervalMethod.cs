namespace ProtocolEngine.Contracts.Plugins;

/// <summary>How a confidence interval of one proportion is computed.</summary>
public enum ProportionIntervalMethod
{
    /// <summary>Wilson (1927) score interval.</summary>
    Wilson,

    /// <summary>Clopper-Pearson (1934) exact interval from the beta quantiles.</summary>
    ClopperPearson,
}
