using System.Text.Json;
using ProtocolEngine.Engine.Records.Model;
using ProtocolEngine.Engine.Records.Security;

namespace ProtocolEngine.Engine.Records.Services;

/// <summary>Stores a screening: validated variables, attestations, the evaluator's verdicts and the protocol version.</summary>
public sealed class ScreeningService(TrialSession session, IScreeningEvaluator evaluator)
{
    public ScreeningRecord Screen(string participantId, IReadOnlyDictionary<string, JsonElement> variables, IReadOnlyDictionary<string, bool> attestations, DateOnly? on = null)
    {
        var date = on ?? session.Today;
        Guards.NotInFuture(date, session.Today, "date");
        var participant = ScreeningDataReader.Read(session.Protocol, variables);
        Attestations.Check(session.Protocol, attestations);
        var outcome = Attestations.Apply(evaluator.Evaluate(participant), attestations);
        return session.Write(Permission.Screen, w =>
        {
            var p = Guards.Participant(w.Reader, participantId);
            if (p.Status is ParticipantStatus.Randomized or ParticipantStatus.Withdrawn)
                throw new RecordRejectedException("participant", $"Participant '{participantId}' is already {Guards.Text(p.Status)}; screening is closed.");
            var record = w.Create(new ScreeningRecord
            {
                Id = Guards.NextId<ScreeningRecord>(w.Reader, participantId, "S"), ParticipantId = participantId, ScreenedOn = date,
                Variables = variables.ToDictionary(kv => kv.Key, kv => kv.Value.Clone()), Attestations = attestations.ToDictionary(),
                Outcome = outcome, ProtocolHash = session.ProtocolHash,
            }, "screen");
            var status = outcome.Status switch
            {
                EligibilityStatus.Eligible => ParticipantStatus.Eligible,
                EligibilityStatus.Ineligible => ParticipantStatus.Ineligible,
                _ => ParticipantStatus.Screening,
            };
            if (status != p.Status)
                w.Change(p, p with { Status = status }, "status", $"screening {record.Id}: {Guards.Text(outcome.Status)}");
            return record;
        });
    }
}
