namespace ProtocolEngine.Contracts.Plugins;

/// <summary>One pain observation: worst pain at the treated site (NRS 0-10) and the oral morphine equivalent daily dose (mg) of the last 24 h.</summary>
public sealed record PainObservation(int WorstPain, double OmedMg);
