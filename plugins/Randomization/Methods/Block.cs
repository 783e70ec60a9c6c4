namespace ProtocolEngine.Plugins.Randomization.Methods;

/// <summary>One permuted block of a stratum.</summary>
/// <param name="Id">1-based block number within the stratum.</param>
/// <param name="Start">0-based position in the stratum of the block's first participant.</param>
/// <param name="Arms">The arms in allocation order.</param>
internal sealed record Block(int Id, int Start, IReadOnlyList<string> Arms);
