using System.Globalization;
using System.Text.Json;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Screening;

/// <summary>
/// The variables a protocol binds to the registration (<see cref="Variable.Registration"/>: age, sex,
/// screening date) must agree with it: a value left out is taken from the registration when that is
/// exact, a value given is checked, and a mismatch is refused naming both values. The rules then
/// never judge a participant on an age or sex other than the one registered.
/// </summary>
public static class RegistrationAgreement
{
    public static Dictionary<string, JsonElement> Apply(Protocol protocol, Participant participant, DateOnly screenedOn, IReadOnlyDictionary<string, JsonElement> variables)
    {
        var result = variables.ToDictionary();
        foreach (var v in protocol.Variables.Where(v => v.Registration is not null))
        {
            var field = $"variables.{v.Id}";
            var given = result.TryGetValue(v.Id, out var value) && value.ValueKind != JsonValueKind.Null ? value : (JsonElement?)null;
            switch (v.Registration)
            {
                case RegistrationDatum.ScreeningDate:
                    var date = screenedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    if (given is null) result[v.Id] = JsonSerializer.SerializeToElement(date);
                    else if (given.Value.ValueKind == JsonValueKind.String && given.Value.GetString() != date)
                        throw new RecordRejectedException(field, $"'{given.Value.GetString()}' is not the date of this screening ({date}); leave {v.Id} out to take it from the screening, or screen with that date.");
                    break;
                case RegistrationDatum.Sex:
                    var sex = Guards.Text(participant.Sex);
                    if (given is null) result[v.Id] = JsonSerializer.SerializeToElement(sex);
                    else if (given.Value.ValueKind == JsonValueKind.String && given.Value.GetString() != sex)
                        throw new RecordRejectedException(field, $"'{given.Value.GetString()}' does not match the registration of '{participant.Id}' (sex {sex}); correct the data or the registration.");
                    break;
                case RegistrationDatum.Age:
                    var ages = PossibleAges(participant, screenedOn);
                    var born = participant.BirthDate is { } bd ? bd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : participant.BirthYear.ToString(CultureInfo.InvariantCulture);
                    var expected = string.Join(" or ", ages);
                    if (given is null)
                    {
                        if (ages.Count != 1)
                            throw new RecordRejectedException(field, $"{v.Id} is missing, and '{participant.Id}' is registered with the birth year only ({born}), so the age on {screenedOn:yyyy-MM-dd} is {expected}: "
                                + "give the age, or register the birth date.");
                        result[v.Id] = JsonSerializer.SerializeToElement(ages[0]);
                    }
                    else if (given.Value.ValueKind == JsonValueKind.Number && !given.Value.TryGetInt32(out _))
                        throw new RecordRejectedException(field, $"{given.Value.GetRawText()} is not a whole number of years; write the age in completed years (e.g. {ages[^1]}), or leave it out when the birth date is registered.");
                    else if (given.Value.ValueKind == JsonValueKind.Number && !ages.Contains(given.Value.GetInt32()))
                        throw new RecordRejectedException(field, $"{given.Value.GetRawText()} does not match the registration of '{participant.Id}' (born {born}: {expected} on {screenedOn:yyyy-MM-dd}); correct the age or the registration.");
                    break;
            }
        }
        return result;
    }

    /// <summary>Completed years on <paramref name="on"/>: one value from a birth date, the two candidates from a birth year.</summary>
    public static IReadOnlyList<int> PossibleAges(Participant participant, DateOnly on)
    {
        if (participant.BirthDate is { } born)
            return [on.Year - born.Year - (on < born.AddYears(on.Year - born.Year) ? 1 : 0)];
        var upper = on.Year - participant.BirthYear;
        return [upper - 1, upper];
    }
}
