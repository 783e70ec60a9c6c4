namespace ProtocolEngine.Contracts.Plugins;

/// <summary>One day of the pain diary: worst pain (NRS 0-10) and OMED (mg) of that day.</summary>
public sealed record PainDiaryDay(DateOnly Date, int WorstPain, double OmedMg);
