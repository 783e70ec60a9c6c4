namespace ProtocolEngine.Engine.Records.Services;

/// <summary>
/// What an allocator is given: the stratum, the 1-based position in that stratum's list, the
/// participant's stratification/minimization factor values, and every earlier allocation (for minimization).
/// </summary>
public sealed record AllocationRequest
{
    public string StratumKey { get; init; } = "";
    public int Position { get; init; }
    public string ParticipantId { get; init; } = "";
    public IReadOnlyDictionary<string, string> Factors { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<PriorAllocation> PriorAllocations { get; init; } = [];
}
