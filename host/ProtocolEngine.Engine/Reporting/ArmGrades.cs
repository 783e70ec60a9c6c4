namespace ProtocolEngine.Engine.Reporting;

/// <summary>Participants of one arm with a term, counted once each at the worst grade they had.</summary>
public sealed record ArmGrades
{
    public string Arm { get; init; } = "";
    public int Participants { get; init; }
    public int Grade1 { get; init; }
    public int Grade2 { get; init; }
    public int Grade3 { get; init; }
    public int Grade4 { get; init; }
    public int Grade5 { get; init; }
}
