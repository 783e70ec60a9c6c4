using System.Text.Json;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Workspace;

public sealed partial class TrialWorkspace
{
    public ScreeningForm ScreeningForm(string participantId)
    {
        var last = session.Read(Permission.ReadRecords, r =>
        {
            Guards.Participant(r, participantId);
            return r.ForParticipant<ScreeningRecord>(participantId).OrderBy(s => s.ScreenedOn).ThenBy(s => s.Id.Length).ThenBy(s => s.Id).LastOrDefault();
        });
        var protocol = session.Protocol;
        return new ScreeningForm
        {
            ParticipantId = participantId,
            Fields = [.. protocol.Variables.Select(v => Field(protocol, v))],
            Values = last is null ? new Dictionary<string, string>()
                : protocol.Variables.Where(v => v.Registration is null && last.Variables.ContainsKey(v.Id))
                    .ToDictionary(v => v.Id, v => FieldText.Format(last.Variables[v.Id])),
        };
    }

    private static FormField Field(Protocol protocol, Variable v)
    {
        var codes = v.CodeList is { } list && protocol.CodeLists.TryGetValue(list, out var items)
            ? items.Select(c => new CodeOption(c.Code, c.Label)).ToList() : [];
        return new FormField(v.Id, v.Label, Loading.Naming.EnumValue(v.Type), v.Unit, v.Min, v.Max, v.Many, codes,
            FieldText.Hint(v, codes), v.Registration is not null, v.Judgement, v.Description);
    }

    public ScreeningCheck CheckScreening(ScreeningRequest request)
    {
        var registered = session.Read(Permission.ReadRecords, r => Guards.Participant(r, request.ParticipantId));
        var (values, messages) = Checked(registered, request.Values);
        var outcome = evaluator.Evaluate(ScreeningDataReader.Read(session.Protocol, values));
        return new ScreeningCheck(messages, [.. outcome.Verdicts.Select(v => Criterion(session.Protocol, v))], VerdictNames.Of(outcome.Status), Saved: false);
    }

    public ScreeningCheck Screen(ScreeningRequest request)
    {
        var registered = session.Read(Permission.Screen, r => Guards.Participant(r, request.ParticipantId));
        var (_, messages) = Checked(registered, request.Values);
        if (messages.Count > 0)
        {
            var first = messages.First();
            throw new RecordRejectedException($"variables.{first.Key}", string.Join("; ", messages.Select(m => $"{m.Key}: {m.Value}")));
        }
        // The registration's values are filled in again by the service itself, as for `protocol-engine screen`.
        var given = Parsed(request.Values, new Dictionary<string, string>());
        var record = new ScreeningService(session, evaluator).Screen(request.ParticipantId, given, new Dictionary<string, bool>(), session.Today);
        return new ScreeningCheck(messages, [.. record.Outcome.Verdicts.Select(v => Criterion(session.Protocol, v))], VerdictNames.Of(record.Outcome.Status), Saved: true);
    }

    /// <summary>
    /// The values that are valid (typed, in range, in their code list, agreeing with the registration), with the
    /// registration's values filled in, and a message for each field that is not.
    /// </summary>
    private (Dictionary<string, JsonElement> Values, Dictionary<string, string> Messages) Checked(Participant registered, IReadOnlyDictionary<string, string> texts)
    {
        var messages = new Dictionary<string, string>(StringComparer.Ordinal);
        var parsed = Parsed(texts, messages);
        var read = new ParticipantReader(session.Protocol).Read(JsonSerializer.SerializeToElement(parsed));
        foreach (var e in read.Errors)
        {
            var field = FieldText.RootOf(e.Path);
            messages.TryAdd(field, e.Path.Length > field.Length + 2 ? $"{e.Path[(field.Length + 2)..]}: {e.Message}" : e.Message);
            parsed.Remove(field);
        }
        // A value that disagrees with the registration is refused by name; drop it and check the rest again.
        for (var tries = 0; tries <= session.Protocol.Variables.Count; tries++)
        {
            try
            {
                return (RegistrationAgreement.Apply(session.Protocol, registered, session.Today, parsed), messages);
            }
            catch (RecordRejectedException ex) when (ex.Field.StartsWith("variables.", StringComparison.Ordinal))
            {
                var field = ex.Field["variables.".Length..];
                messages[field] = ex.Message;
                if (!parsed.Remove(field)) return (parsed, messages);
            }
        }
        return (parsed, messages);
    }

    /// <summary>Each non-empty text as the JSON value of its variable; a text that is not one gets a message.</summary>
    private Dictionary<string, JsonElement> Parsed(IReadOnlyDictionary<string, string> texts, Dictionary<string, string> messages)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (id, text) in texts)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            var variable = session.Protocol.Variables.FirstOrDefault(v => v.Id == id);
            if (variable is null) { messages[id] = $"'{id}' is not a variable of the protocol."; continue; }
            if (FieldText.Parse(variable, text, out var error) is { } value) values[id] = value;
            else messages[id] = error!;
        }
        return values;
    }
}
