namespace ProtocolEngine.Engine.Audit;

/// <summary>What <see cref="AuditVerifier"/> found: how many entries the trail holds, and every problem (none when it is intact).</summary>
public sealed record AuditReport(long Entries, IReadOnlyList<AuditProblem> Problems)
{
    /// <summary>True when no problem was found.</summary>
    public bool Intact => Problems.Count == 0;

    /// <summary>The trail's last entry as read.</summary>
    public AuditHead Head { get; init; } = AuditHead.Empty;

    /// <summary>The fingerprint of the first administrator's signing key (the trail's root of trust), null when the trail names none.</summary>
    public string? AdministratorKey { get; init; }
}
