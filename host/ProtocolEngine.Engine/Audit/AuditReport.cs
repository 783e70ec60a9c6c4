namespace ProtocolEngine.Engine.Audit;

/// <summary>What <see cref="AuditVerifier"/> found: how many entries the trail holds, and every problem (none when it is intact).</summary>
public sealed record AuditReport(long Entries, IReadOnlyList<AuditProblem> Problems)
{
    public bool Intact => Problems.Count == 0;
}
