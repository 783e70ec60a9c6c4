namespace ProtocolEngine.Contracts.Plugins;

/// <summary>The kinds of work a plugin can do for a protocol. A protocol names one plugin per family it uses.</summary>
public enum PluginFamily
{
    /// <summary>Allocates participants to arms (permuted blocks, minimization, ...).</summary>
    Randomization,

    /// <summary>Chooses the clinical target volume for a lesion under an arm's policy.</summary>
    CtvSelection,

    /// <summary>Sample size, analysis and reports.</summary>
    Statistics,

    /// <summary>Dose-escalation designs (3+3, BOIN, ...).</summary>
    DoseEscalation,

    /// <summary>Endpoint assessment: pain response against baseline and pain flare (contract 2.0).</summary>
    PainResponse,
}
