namespace ProtocolEngine.Contracts.Plugins;

/// <summary>The baseline and the diary days of the flare window (from the first fraction to the end of the follow-up days), in date order.</summary>
public sealed record PainFlareRequest(PainObservation Baseline, IReadOnlyList<PainDiaryDay> Days);
