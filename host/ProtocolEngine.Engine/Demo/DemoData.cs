using System.Text.Json;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Demo;

/// <summary>Synthetic screening values that respect each variable's type, range and code list.</summary>
internal static class DemoData
{
    public static Dictionary<string, JsonElement> Variables(Protocol protocol, Random random, DateOnly today) =>
        protocol.Variables.Where(v => v.Type != VariableType.Records && !v.Many)
            .ToDictionary(v => v.Id, v => JsonSerializer.SerializeToElement<object>(Value(protocol, v, random, today)));

    private static object Value(Protocol protocol, Variable v, Random random, DateOnly today)
    {
        switch (v.Type)
        {
            case VariableType.Integer:
            case VariableType.Number:
                var min = v.Min ?? 0;
                var max = v.Max ?? min + 10;
                // Performance-status-like scales skew low; wide ranges (age) sit in their middle.
                var x = max - min <= 10 ? min + Math.Floor(Math.Pow(random.NextDouble(), 2.5) * (max - min + 1)) : min + (max - min) * (0.35 + 0.4 * random.NextDouble());
                x = Math.Clamp(x, min, max);
                return v.Type == VariableType.Integer ? (long)Math.Round(x) : Math.Round(x, 1);
            case VariableType.Boolean:
                return random.NextDouble() < 0.15;
            case VariableType.Date:
                return today.AddDays(-random.Next(30, 900)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            case VariableType.Code when v.CodeList is { } list && protocol.CodeLists.TryGetValue(list, out var codes) && codes.Count > 0:
                return codes[random.Next(codes.Count)].Code;
            default:
                return "synthetic";
        }
    }

    /// <summary>
    /// A template participant varied: whole numbers and numbers moved at random within a fifth of
    /// their range (and the range) unless <paramref name="numbers"/> is false, dates moved by the same
    /// offset as the screening day (the variable bound to the screening date, else a date variable
    /// named for the screening), so time windows between them keep their length.
    /// </summary>
    public static Dictionary<string, JsonElement> Vary(Protocol protocol, IReadOnlyDictionary<string, JsonElement> template, Random random, DateOnly today, bool numbers = true)
    {
        var variables = protocol.Variables.ToDictionary(v => v.Id);
        var dated = protocol.Variables.Where(v => v.Type == VariableType.Date && template.ContainsKey(v.Id)).ToList();
        var screening = dated.FirstOrDefault(v => v.Registration == RegistrationDatum.ScreeningDate)
            ?? dated.FirstOrDefault(v => v.Id.Contains("screening", StringComparison.Ordinal));
        var shift = screening is not null && DateOnly.TryParse(template[screening.Id].GetString(), System.Globalization.CultureInfo.InvariantCulture, out var was) ? today.DayNumber - was.DayNumber : 0;
        var result = new Dictionary<string, JsonElement>();
        foreach (var (id, value) in template)
        {
            result[id] = variables.TryGetValue(id, out var v) ? Varied(v, value, random, shift, numbers) : value;
        }
        return result;
    }

    private static JsonElement Varied(Variable v, JsonElement value, Random random, int shiftDays, bool numbers)
    {
        switch (v.Type)
        {
            case VariableType.Integer or VariableType.Number when numbers && !v.Many && value.ValueKind == JsonValueKind.Number:
                var min = v.Min ?? double.MinValue;
                var max = v.Max ?? double.MaxValue;
                var span = v.Min is not null && v.Max is not null ? (max - min) / 5 : Math.Max(1, Math.Abs(value.GetDouble()) / 5);
                var x = Math.Clamp(value.GetDouble() + (random.NextDouble() * 2 - 1) * span, min, max);
                return v.Type == VariableType.Integer ? JsonSerializer.SerializeToElement((long)Math.Round(x)) : JsonSerializer.SerializeToElement(Math.Round(x, 1));
            case VariableType.Date when value.ValueKind == JsonValueKind.String && DateOnly.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var d):
                return JsonSerializer.SerializeToElement(d.AddDays(shiftDays).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            default:
                return value;
        }
    }

    public static Dictionary<string, bool> Attestations(Protocol protocol, Random random, bool eligible)
    {
        var result = protocol.Criteria.Inclusion.ToDictionary(c => c.Id, _ => true);
        foreach (var c in protocol.Criteria.Exclusion) result[c.Id] = false;
        if (!eligible && result.Count > 0)
        {
            var keys = result.Keys.ToList();
            var k = keys[random.Next(keys.Count)];
            result[k] = !result[k];
        }
        return result;
    }
}
