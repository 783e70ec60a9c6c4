namespace ProtocolEngine.Contracts.Plugins;

/// <summary>How a confidence interval of a difference of two independent proportions is computed (numbers of Newcombe 1998).</summary>
public enum DifferenceIntervalMethod
{
    /// <summary>Wald, unpooled standard error (method 1).</summary>
    Wald,

    /// <summary>Newcombe hybrid score from the two Wilson intervals (method 10).</summary>
    Newcombe,

    /// <summary>Newcombe hybrid score from continuity-corrected Wilson intervals (method 11).</summary>
    NewcombeContinuityCorrected,

    /// <summary>Miettinen-Nurminen score interval, variance times N / (N - 1) (method 6).</summary>
    MiettinenNurminen,
}
