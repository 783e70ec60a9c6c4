namespace ProtocolEngine.Contracts.Plugins;

/// <summary>One line of an exported allocation list.</summary>
/// <param name="Sequence">1-based number within the stratum.</param>
/// <param name="Stratum">The stratum key (e.g. "site=mianyang;ecog=1"; "all" when unstratified).</param>
/// <param name="BlockId">1-based block number within the stratum; null for methods without blocks.</param>
/// <param name="BlockSize">Size of that block; null for methods without blocks.</param>
/// <param name="ArmId">The arm allocated.</param>
public sealed record AllocationListEntry(int Sequence, string Stratum, int? BlockId, int? BlockSize, string ArmId);
