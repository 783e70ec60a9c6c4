namespace ProtocolEngine.Contracts.Plugins;

/// <summary>A participant already randomized, as minimization needs to see them.</summary>
/// <param name="ArmId">The arm they were allocated to.</param>
/// <param name="Levels">Their level of each minimization factor.</param>
public sealed record PriorAllocation(string ArmId, IReadOnlyDictionary<string, string> Levels);
