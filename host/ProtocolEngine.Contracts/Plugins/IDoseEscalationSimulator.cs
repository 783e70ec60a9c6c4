namespace ProtocolEngine.Contracts.Plugins;

/// <summary>
/// A dose-escalation plugin that also tabulates its decision rules and simulates its operating characteristics
/// (contract 2.1). The host reaches a design only through this family: it holds no rule of any design.
/// </summary>
public interface IDoseEscalationSimulator : IDoseEscalationPlugin
{
    /// <summary>The decision table of a design for each number treated.</summary>
    /// <exception cref="ArgumentException">Unknown design, a target outside the design's range, or a cohort size or maximum below 1.</exception>
    EscalationBoundaries Boundaries(EscalationBoundaryRequest request);

    /// <summary>Simulates trials of a design under true DLT rates; deterministic for <see cref="EscalationSimulationRequest.Seed"/>.</summary>
    /// <param name="request">The design, the true rates and the trial size.</param>
    /// <param name="progress">Called with the number of trials done so far, now and then; null for none.</param>
    /// <exception cref="ArgumentException">Unknown design, a true rate outside [0, 1], or counts below 1.</exception>
    EscalationSimulation Simulate(EscalationSimulationRequest request, Action<int>? progress);
}
