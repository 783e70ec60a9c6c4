namespace ProtocolEngine.Contracts.Plugins;

/// <summary>How the evaluable total is inflated for an expected loss to follow-up d.</summary>
public enum DropoutAdjustment
{
    /// <summary>Enrol evaluable / (1 - d): the evaluable number is left after the loss (the usual rule).</summary>
    Divide,

    /// <summary>Enrol evaluable x (1 + d), as some protocols compute it (slightly fewer than Divide).</summary>
    Multiply,
}
