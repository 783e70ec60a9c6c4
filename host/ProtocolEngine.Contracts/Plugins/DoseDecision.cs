namespace ProtocolEngine.Contracts.Plugins;

/// <summary>A dose-escalation decision.</summary>
/// <param name="Action">The step to take.</param>
/// <param name="NextLevel">The level of the next cohort; null when stopping.</param>
/// <param name="EliminatedLevels">Levels excluded for toxicity (they and all higher ones are never used again).</param>
/// <param name="MaximumToleratedLevel">The MTD when stopping with one; null otherwise or when no level is tolerated.</param>
/// <param name="Reason">The rule that applied, worded for the study record.</param>
public sealed record DoseDecision(DoseAction Action, int? NextLevel, IReadOnlyList<int> EliminatedLevels, int? MaximumToleratedLevel, string Reason);
