namespace ProtocolEngine.Engine.Assessments;

/// <summary>An analgesic as entered: drug id from the OMED table and the amount of the last 24 h in the table's unit.</summary>
public sealed record AnalgesicInput(string Drug, double DailyAmount);
