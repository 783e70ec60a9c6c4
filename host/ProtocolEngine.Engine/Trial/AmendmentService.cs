using ProtocolEngine.Engine.Security;

namespace ProtocolEngine.Engine.Trial;

/// <summary>Accepts the session's protocol as an amendment of the accepted version (administrators only).</summary>
public sealed class AmendmentService(TrialSession session)
{
    public ProtocolVersion Accept(string reason)
    {
        if (session.PendingChanges.Count == 0)
            throw new RecordRejectedException("protocol", "The protocol is the version this database already accepted; there is no amendment to accept.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new RecordRejectedException("reason", "Accepting an amendment needs a reason (--reason).");
        var changes = session.PendingChanges;
        return session.WriteDuringAmendment(Permission.AcceptAmendment, w =>
        {
            var previous = w.Reader.GetMeta(TrialDatabase.CurrentVersionKey);
            var version = new ProtocolVersion
            {
                Id = session.ProtocolHash, Number = w.Reader.All<ProtocolVersion>().Count + 1,
                Label = session.Protocol.Version ?? "", Json = session.CanonicalJson,
                AcceptedAtUtc = w.Now, AcceptedBy = session.User.Id,
            };
            if (w.Reader.Find<ProtocolVersion>(version.Id) is { } known)
                version = known;
            else
                w.Create(version, "protocol-accept", reason + Environment.NewLine + string.Join(Environment.NewLine, changes));
            w.SetMeta(TrialDatabase.CurrentVersionKey, version.Id);
            w.Note("amend-accept", "meta", TrialDatabase.CurrentVersionKey, previous, version.Id, reason);
            return version;
        });
    }
}
