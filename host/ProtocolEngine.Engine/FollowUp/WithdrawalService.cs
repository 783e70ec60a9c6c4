using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Security;

namespace ProtocolEngine.Engine.FollowUp;

/// <summary>Withdraws a randomized participant under one of the protocol's drop-out criteria.</summary>
public sealed class WithdrawalService(TrialSession session)
{
    public Withdrawal Withdraw(string participantId, string criterionId, DateOnly date, string note)
    {
        var dropout = session.Protocol.Criteria.Dropout;
        if (dropout.All(c => c.Id != criterionId))
            throw new RecordRejectedException("criterion", $"'{criterionId}' is not a drop-out criterion of the protocol; choose one of: {string.Join(", ", dropout.Select(c => c.Id))}.");
        Guards.NotInFuture(date, session.TodayFor(participantId), "date");
        return session.Write(Permission.Withdraw, w =>
        {
            var p = Guards.Participant(w.Reader, participantId);
            if (p.Status == ParticipantStatus.Withdrawn)
                throw new RecordRejectedException("participant", $"Participant '{participantId}' has already withdrawn.");
            Guards.Randomized(w.Reader, participantId, date, "date");
            var record = w.Create(new Withdrawal
            {
                Id = $"{participantId}-W", ParticipantId = participantId, Date = date, CriterionId = criterionId, Note = note, ProtocolHash = session.ProtocolHash,
            }, "withdraw");
            w.Change(p, p with { Status = ParticipantStatus.Withdrawn }, "status", $"withdrawal under {criterionId}");
            return record;
        });
    }
}
