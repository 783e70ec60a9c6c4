namespace ProtocolEngine.Contracts.Plugins;

/// <summary>The diary's flare assessment.</summary>
/// <param name="Outcome">None, a flare, or a rise that did not return (progression).</param>
/// <param name="Onset">The first day of the rise, when there was one.</param>
/// <param name="Resolved">The first day back at baseline after the rise, for a flare.</param>
/// <param name="Rule">Which clause decided, in words a clinician can check.</param>
public sealed record PainFlareResult(PainFlareOutcome Outcome, DateOnly? Onset, DateOnly? Resolved, string Rule);
