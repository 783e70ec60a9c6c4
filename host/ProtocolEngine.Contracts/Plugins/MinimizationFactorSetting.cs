namespace ProtocolEngine.Contracts.Plugins;

/// <summary>A minimization factor.</summary>
/// <param name="Factor">"site" or a variable id; participants give its level in <see cref="AllocationRequest.Levels"/>.</param>
/// <param name="Weight">Non-negative weight of this factor's imbalance in the total.</param>
public sealed record MinimizationFactorSetting(string Factor, double Weight);
