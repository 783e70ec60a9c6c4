namespace ProtocolEngine.Engine.Records.Services;

/// <summary>The allocator's answer: the arm id and the block (or decision) it came from.</summary>
public sealed record AllocationResult(string ArmId, string BlockId);
