namespace ProtocolEngine.Engine.Records.Services;

/// <summary>An earlier allocation: arm, stratum and factor values (what minimization needs).</summary>
public sealed record PriorAllocation(string ArmId, string StratumKey, IReadOnlyDictionary<string, string> Factors);
