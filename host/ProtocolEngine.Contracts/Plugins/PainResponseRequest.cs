namespace ProtocolEngine.Contracts.Plugins;

/// <summary>A follow-up assessment to classify against the baseline assessment.</summary>
public sealed record PainResponseRequest(PainObservation Baseline, PainObservation FollowUp);
