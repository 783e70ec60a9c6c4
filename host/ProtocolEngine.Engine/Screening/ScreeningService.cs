using System.Text.Json;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Screening;

/// <summary>Stores a screening: validated variables, attestations, the evaluator's verdicts and the protocol version.</summary>
public sealed class ScreeningService(TrialSession session, IScreeningEvaluator evaluator)
{
    public ScreeningRecord Screen(string participantId, IReadOnlyDictionary<string, JsonElement> variables, IReadOnlyDictionary<string, bool> attestations, DateOnly? on = null)
    {
        var today = session.TodayFor(participantId);
        var date = on ?? today;
        Guards.NotInFuture(date, today, "date");
        Attestations.Check(session.Protocol, attestations);
        // Rules run outside the write transaction (they may take their whole time limit); the write checks the participant again.
        var registered = session.Read(Permission.Screen, r => Open(r, participantId, date));
        var values = RegistrationAgreement.Apply(session.Protocol, registered, date, variables);
        var outcome = Attestations.Apply(evaluator.Evaluate(ScreeningDataReader.Read(session.Protocol, values)), attestations);
        return session.Write(Permission.Screen, w =>
        {
            var p = Open(w.Reader, participantId, date);
            if (p.BirthYear != registered.BirthYear || p.BirthDate != registered.BirthDate || p.Sex != registered.Sex)
                throw new RecordRejectedException("participant", $"The registration of '{participantId}' changed while screening; screen again.");
            var record = w.Create(new ScreeningRecord
            {
                Id = Guards.NextId<ScreeningRecord>(w.Reader, participantId, "S"), ParticipantId = participantId, ScreenedOn = date,
                Variables = values.ToDictionary(kv => kv.Key, kv => kv.Value.Clone()), Attestations = attestations.ToDictionary(),
                Outcome = outcome, ProtocolHash = session.ProtocolHash,
            }, "screen");
            var status = outcome.Status switch
            {
                ScreeningStatus.Eligible => ParticipantStatus.Eligible,
                ScreeningStatus.Ineligible => ParticipantStatus.Ineligible,
                _ => ParticipantStatus.Screening,
            };
            if (status != p.Status)
                w.Change(p, p with { Status = status }, "status", $"screening {record.Id}: {Guards.Text(outcome.Status)}");
            return record;
        });
    }

    /// <summary>The participant, when screening is open to them on <paramref name="date"/>: not randomized or withdrawn, consented on or before it.</summary>
    private static Participant Open(IRecordReader r, string participantId, DateOnly date)
    {
        var p = Guards.Participant(r, participantId);
        if (p.Status is ParticipantStatus.Randomized or ParticipantStatus.Withdrawn)
            throw new RecordRejectedException("participant", $"Participant '{participantId}' is already {Guards.Text(p.Status)}; screening is closed.");
        if (p.ConsentedOn is not { } consent)
            throw new RecordRejectedException("participant", $"Participant '{participantId}' has no informed consent recorded; record the consent before screening.");
        if (date < consent)
            throw new RecordRejectedException("date", $"{date:yyyy-MM-dd} is before the informed consent of '{participantId}' ({consent:yyyy-MM-dd}); screening comes after consent.");
        return p;
    }
}
