namespace ProtocolEngine.Engine.Reporting;

/// <summary>What the difference's interval says against the margin.</summary>
public enum NonInferiorityConclusion
{
    /// <summary>An arm has no one in the denominator.</summary>
    NotEstimable,

    /// <summary>The interval's lower bound lies above the margin.</summary>
    NonInferior,

    /// <summary>The interval reaches the margin or below it.</summary>
    NotShown,

    /// <summary>The plan has no non-inferiority margin.</summary>
    NoMargin,
}
