namespace ProtocolEngine.Engine.Randomization;

/// <summary>An allocator's answer: the arm, and the block (or decision) it came from, which only the randomization list shows.</summary>
public sealed record AllocatedArm(string ArmId, string BlockId);
