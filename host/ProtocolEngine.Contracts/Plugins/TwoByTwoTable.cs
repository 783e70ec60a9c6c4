namespace ProtocolEngine.Contracts.Plugins;

/// <summary>Events (e.g. responders) and totals by arm.</summary>
/// <param name="ExperimentalEvents">Events in the experimental arm.</param>
/// <param name="ExperimentalTotal">Participants in the experimental arm.</param>
/// <param name="ControlEvents">Events in the control arm.</param>
/// <param name="ControlTotal">Participants in the control arm.</param>
public sealed record TwoByTwoTable(int ExperimentalEvents, int ExperimentalTotal, int ControlEvents, int ControlTotal);
