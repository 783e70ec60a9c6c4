using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Storage;
using ProtocolEngine.Engine.Security;

namespace ProtocolEngine.Engine.Audit;

/// <summary>Reads and verifies the audit trail.</summary>
public sealed class AuditService(TrialSession session)
{
    public IReadOnlyList<AuditProblem> Verify() => Check().Problems;

    /// <summary>The verification with the number of entries, from one read of the trail.</summary>
    public AuditReport Check() => session.Read(Permission.ReadRecords, AuditVerifier.Check);

    /// <summary>The verification, with the history up to <paramref name="checkpoint"/> proved unchanged.</summary>
    public AuditReport Check(AuditCheckpoint checkpoint) => session.Read(Permission.ReadRecords, r => AuditVerifier.Check(r, checkpoint));

    /// <summary>
    /// A checkpoint of the trail's head signed by the session's user, after a verification that finds the trail intact
    /// (a checkpoint vouches for an intact history only).
    /// </summary>
    public AuditCheckpoint Checkpoint()
    {
        var keys = session.Keys ?? throw new RecordRejectedException("user",
            $"'{session.User.Id}' has no signing key (an account made before signed trails); an administrator adds a new account for a checkpoint.");
        var report = Check();
        if (!report.Intact)
            throw new RecordRejectedException("audit", $"The trail is not intact ({report.Problems.Count} problems; `protocol-engine audit verify` lists them): "
                + "a checkpoint vouches only for an intact history.");
        return AuditCheckpoint.Sign(report, session.Protocol.Id, keys, session.Clock.GetUtcNow());
    }

    /// <summary>The trail (or one participant's part of it) in memory: for tests and small trials; <see cref="Show(string?, long, int?, Action{AuditEntry})"/> streams.</summary>
    public IReadOnlyList<AuditEntry> Show(string? participantId = null)
    {
        var entries = new List<AuditEntry>();
        Show(participantId, 1, null, entries.Add);
        return entries;
    }

    /// <summary>
    /// Hands each entry from sequence <paramref name="fromSequence"/> on, at most <paramref name="limit"/> of them, to
    /// <paramref name="visit"/> as it is read (inside the read: <paramref name="visit"/> writes, it does not keep);
    /// values of randomizations are concealed from roles that may not see the list. Returns how many were shown.
    /// </summary>
    public int Show(string? participantId, long fromSequence, int? limit, Action<AuditEntry> visit) => session.Read(Permission.ReadRecords, r =>
    {
        if (participantId is not null) Guards.Participant(r, participantId);
        var entries = participantId is null ? r.Audit(fromSequence) : r.AuditOf(participantId).Where(e => e.Sequence >= fromSequence);
        if (limit is { } n) entries = entries.Take(n);
        var shown = 0;
        foreach (var e in Visible(entries, session.User.Role))
        {
            visit(e);
            shown++;
        }
        return shown;
    });

    /// <summary>The entries as a role may see them: a randomization's values are "(concealed)" unless the role may see the list.</summary>
    internal static IEnumerable<AuditEntry> Visible(IEnumerable<AuditEntry> entries, Role role) =>
        RolePolicy.Allows(role, Permission.ViewRandomizationList) ? entries
            : entries.Select(e => e.Collection == RandomizationRecord.Collection ? e with { NewValue = "(concealed)", OldValue = null } : e);
}
