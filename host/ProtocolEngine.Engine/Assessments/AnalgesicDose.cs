namespace ProtocolEngine.Engine.Assessments;

/// <summary>One analgesic taken in the last 24 h: drug id from the OMED table and the daily amount in the table's unit.</summary>
public sealed record AnalgesicDose
{
    public string Drug { get; init; } = "";
    public double DailyAmount { get; init; }
    public string Unit { get; init; } = "";
    public double OmedMg { get; init; }
}
