namespace ProtocolEngine.Contracts.Plugins;

/// <summary>What was observed at one dose level. Participants still inside their DLT window are not counted.</summary>
/// <param name="Level">1-based dose level.</param>
/// <param name="Treated">Participants evaluable for DLT at this level.</param>
/// <param name="Dlt">Of those, participants with a dose-limiting toxicity.</param>
public sealed record DoseLevelData(int Level, int Treated, int Dlt);
