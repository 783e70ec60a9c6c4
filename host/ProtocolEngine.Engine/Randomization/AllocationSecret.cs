namespace ProtocolEngine.Engine.Randomization;

/// <summary>
/// What predicts the next allocation, kept sealed in the database (<see cref="SealedAllocation"/>): the seed and,
/// when the protocol states only the method, the block sizes and their weights.
/// </summary>
public sealed record AllocationSecret
{
    /// <summary>The trial's secret seed text (the plugin's 64-bit seed is derived from it, <see cref="PluginAllocator.SeedOf"/>).</summary>
    public string Seed { get; init; } = "";

    /// <summary>The block sizes (empty: the protocol's own, or none for a method without blocks).</summary>
    public IReadOnlyList<int> BlockSizes { get; init; } = [];

    /// <summary>The relative frequency of each block size (empty: equal).</summary>
    public IReadOnlyList<int> BlockSizeWeights { get; init; } = [];
}
