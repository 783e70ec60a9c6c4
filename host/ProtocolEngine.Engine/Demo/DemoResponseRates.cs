using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Demo;

/// <summary>
/// The probability that a participant's follow-up pain responds (complete or partial response by the
/// International Consensus, Chow et al. 2012: worst pain down by 2 or more without more analgesics),
/// in the arms whose role is experimental and in those whose role is control.
/// </summary>
public sealed record DemoResponseRates
{
    /// <summary>The rate when the protocol states none: about what 30 Gy in 10 fractions gives at 3 months (Howell et al. 2013: 62%).</summary>
    public const double Fallback = 0.65;

    public DemoResponseRates(double experimental, double control)
    {
        if (!(experimental is >= 0 and <= 1) || !(control is >= 0 and <= 1))
            throw new RecordRejectedException("response-rates", $"{experimental}, {control}: each rate is a probability between 0 and 1.");
        (Experimental, Control) = (experimental, control);
    }

    public double Experimental { get; }
    public double Control { get; }

    public double For(ArmRole role) => role == ArmRole.Control ? Control : Experimental;

    /// <summary>The protocol's statistics.assumed_rates where given, else <see cref="Fallback"/> for the missing ones.</summary>
    public static DemoResponseRates From(Protocol protocol) =>
        new(protocol.Statistics.AssumedRates?.Experimental ?? Fallback, protocol.Statistics.AssumedRates?.Control ?? Fallback);
}
