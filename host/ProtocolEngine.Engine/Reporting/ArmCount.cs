namespace ProtocolEngine.Engine.Reporting;

/// <summary>A number of participants in one arm.</summary>
public sealed record ArmCount
{
    public string Arm { get; init; } = "";
    public int Count { get; init; }
}
