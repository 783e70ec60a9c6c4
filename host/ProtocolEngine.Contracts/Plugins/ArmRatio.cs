namespace ProtocolEngine.Contracts.Plugins;

/// <summary>An arm and its integer allocation ratio weight.</summary>
/// <param name="ArmId">The arm's id as in the protocol.</param>
/// <param name="Ratio">Positive integer weight: arms with 2 and 1 give 2:1.</param>
public sealed record ArmRatio(string ArmId, int Ratio);
