using ProtocolEngine.Engine.Records.Audit;
using ProtocolEngine.Engine.Records.Persistence;
using ProtocolEngine.Engine.Records.Security;

namespace ProtocolEngine.Engine.Records.Services;

/// <summary>Reads and verifies the audit trail.</summary>
public sealed class AuditService(TrialSession session)
{
    public IReadOnlyList<AuditProblem> Verify() => session.Read(Permission.ReadRecords, AuditVerifier.Verify);

    public IReadOnlyList<AuditEntry> Show(string? participantId = null) => session.Read(Permission.ReadRecords, r =>
    {
        if (participantId is not null) Guards.Participant(r, participantId);
        var entries = r.AuditEntries().Where(e => participantId is null || e.ParticipantId == participantId);
        if (!RolePolicy.Allows(session.User.Role, Permission.ViewRandomizationList))
            entries = entries.Select(e => e.Collection == Model.RandomizationRecord.Collection ? e with { NewValue = "(concealed)", OldValue = null } : e);
        return entries.ToList();
    });
}
