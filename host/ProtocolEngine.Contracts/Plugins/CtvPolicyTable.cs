namespace ProtocolEngine.Contracts.Plugins;

/// <summary>A protocol's CTV table: rows tried in order; the first that matches the lesion decides.</summary>
/// <param name="Rows">The rows in the protocol's order.</param>
public sealed record CtvPolicyTable(IReadOnlyList<CtvPolicyRow> Rows);
