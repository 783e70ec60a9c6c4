namespace ProtocolEngine.Contracts.Plugins;

/// <summary>
/// A dose-escalation design (3+3, BOIN, ...): from the participants treated so far at each dose level and
/// their dose-limiting toxicities (DLT), the decision for the next cohort.
/// </summary>
public interface IDoseEscalationPlugin : IPlugin
{
    /// <summary>The designs this plugin offers (e.g. "3+3", "boin").</summary>
    IReadOnlyList<string> Designs { get; }

    /// <summary>Decides the next step.</summary>
    /// <exception cref="ArgumentException">Unknown design, DLTs above n, a current level outside the levels, or a target toxicity the design needs but was not given.</exception>
    DoseDecision Decide(DoseEscalationRequest request);
}
