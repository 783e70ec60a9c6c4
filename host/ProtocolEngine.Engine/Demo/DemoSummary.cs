namespace ProtocolEngine.Engine.Demo;

/// <summary>What the demo generated.</summary>
public sealed record DemoSummary
{
    public int Registered { get; init; }
    public int Ineligible { get; init; }
    public int Randomized { get; init; }
    public IReadOnlyDictionary<string, int> PerArm { get; init; } = new Dictionary<string, int>();
    public int Fractions { get; init; }
    public int MissedFractions { get; init; }
    public int StoppedCourses { get; init; }
    public int Assessments { get; init; }
    public int MissedVisits { get; init; }
    public int DiaryEntries { get; init; }
    public int AdverseEvents { get; init; }
    public int ImagingFindings { get; init; }
    public int Withdrawals { get; init; }
    public int Deaths { get; init; }
    public int LostToFollowUp { get; init; }
    public int AuditEntries { get; init; }
}
