using System.Globalization;
using System.Text.Json;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Demo.Population;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Demo;

/// <summary>
/// A synthetic participant's screening values and the registration that agrees with them. An
/// intended-eligible participant starts from an eligible template of the protocol's scenarios,
/// varied (numbers within their ranges, dates moved to the screening day), drawn again from the
/// population where it has weights, and kept only when the protocol's own rules find it eligible.
/// </summary>
internal sealed class DemoScreening(Protocol protocol, IScreeningEvaluator evaluator, DemoTemplates templates, PopulationSampler? population, Random random)
{
    /// <summary>Tries at varying an eligible template before taking it with its dates moved only.</summary>
    private const int VariationTries = 20;

    public Dictionary<string, JsonElement> Values(bool eligible, DateOnly day)
    {
        var pool = templates.Eligible;
        if (!eligible || pool.Count == 0)
        {
            var values = DemoData.Variables(protocol, random, day);
            population?.Apply(values, random);
            return OnDay(values, day);
        }
        var template = pool[random.Next(pool.Count)];
        for (var i = 0; i < VariationTries; i++)
        {
            var varied = DemoData.Vary(protocol, template, random, day);
            population?.Apply(varied, random);
            OnDay(varied, day);
            if (evaluator.Evaluate(ScreeningDataReader.Read(protocol, varied)).Status == ScreeningStatus.Eligible)
                return varied;
        }
        return OnDay(DemoData.Vary(protocol, template, random, day, numbers: false), day);
    }

    /// <summary>A birth date and sex that agree with the values the protocol binds to the registration (age, sex); else drawn at random.</summary>
    public (DateOnly BirthDate, Sex Sex) Registration(IReadOnlyDictionary<string, JsonElement> values, DateOnly day)
    {
        var age = Bound(RegistrationDatum.Age, values) is { ValueKind: JsonValueKind.Number } a && a.TryGetInt32(out var years) ? years : random.Next(35, 80);
        var code = Bound(RegistrationDatum.Sex, values) is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;
        var sex = Enum.GetValues<Sex>().Where(x => Guards.Text(x) == code).Select(x => (Sex?)x).FirstOrDefault() ?? (random.Next(2) == 0 ? Sex.Female : Sex.Male);
        // Completed years `age` on `day`: born between age+1 years less a day and age years before it.
        var birth = day.AddYears(-age).AddDays(-random.Next(0, 365));
        return (birth, sex);
    }

    /// <summary>The variable bound to the screening date holds the day of this screening.</summary>
    private Dictionary<string, JsonElement> OnDay(Dictionary<string, JsonElement> values, DateOnly day)
    {
        foreach (var v in protocol.Variables.Where(v => v.Registration == RegistrationDatum.ScreeningDate))
            values[v.Id] = JsonSerializer.SerializeToElement(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return values;
    }

    private JsonElement? Bound(RegistrationDatum datum, IReadOnlyDictionary<string, JsonElement> values) =>
        protocol.Variables.FirstOrDefault(v => v.Registration == datum) is { } v && values.TryGetValue(v.Id, out var e) ? e : null;
}
