namespace ProtocolEngine.Contracts.Plugins;

/// <summary>The allocation of one participant. It carries nothing that would reveal the next allocation.</summary>
/// <param name="ArmId">The arm allocated.</param>
/// <param name="Stratum">The stratum key (e.g. "site=mianyang;ecog=1"; "all" when unstratified).</param>
/// <param name="Sequence">1-based number of this participant within the stratum.</param>
public sealed record AllocationResult(string ArmId, string Stratum, int Sequence);
