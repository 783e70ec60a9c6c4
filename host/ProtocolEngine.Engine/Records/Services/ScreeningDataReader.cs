using System.Globalization;
using System.Text.Json;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Records.Services;

/// <summary>Checks screening values against the protocol's variables and converts them to typed values.</summary>
public static class ScreeningDataReader
{
    public static IReadOnlyDictionary<string, object?> Convert(Protocol protocol, IReadOnlyDictionary<string, JsonElement> values)
    {
        var variables = protocol.Variables.ToDictionary(v => v.Id);
        var typed = new Dictionary<string, object?>();
        foreach (var (id, element) in values)
        {
            if (!variables.TryGetValue(id, out var variable))
                throw new RecordRejectedException($"variables.{id}", $"'{id}' is not a variable of the protocol.");
            typed[id] = variable.Many && element.ValueKind == JsonValueKind.Array
                ? element.EnumerateArray().Select(e => One(protocol, variable, e, $"variables.{id}")).ToList()
                : One(protocol, variable, element, $"variables.{id}");
        }
        return typed;
    }

    private static object? One(Protocol protocol, Variable v, JsonElement e, string field)
    {
        if (e.ValueKind == JsonValueKind.Null) return null;
        object value = (v.Type, e.ValueKind) switch
        {
            (VariableType.Integer, JsonValueKind.Number) when e.TryGetInt64(out var l) => l,
            (VariableType.Number, JsonValueKind.Number) => e.GetDouble(),
            (VariableType.Boolean, JsonValueKind.True or JsonValueKind.False) => e.GetBoolean(),
            (VariableType.Date, JsonValueKind.String) when DateOnly.TryParseExact(e.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
            (VariableType.Code or VariableType.Text, JsonValueKind.String) => e.GetString()!,
            (VariableType.Records, JsonValueKind.Array or JsonValueKind.Object) => e.Clone(),
            _ => throw new RecordRejectedException(field, $"{e.GetRawText()} is not a valid {v.Type.ToString().ToLowerInvariant()}" + (v.Type == VariableType.Date ? " (yyyy-MM-dd)." : ".")),
        };
        if (value is long or double)
        {
            var number = System.Convert.ToDouble(value, CultureInfo.InvariantCulture);
            if (v.Min is { } min && number < min || v.Max is { } max && number > max)
                throw new RecordRejectedException(field, $"{number.ToString(CultureInfo.InvariantCulture)} is outside the allowed range {v.Min?.ToString(CultureInfo.InvariantCulture) ?? "-inf"}-{v.Max?.ToString(CultureInfo.InvariantCulture) ?? "inf"}" + (v.Unit is null ? "." : $" {v.Unit}."));
        }
        if (v.Type == VariableType.Code && v.CodeList is { } list && protocol.CodeLists.TryGetValue(list, out var codes) && codes.All(c => c.Code != (string)value))
            throw new RecordRejectedException(field, $"'{value}' is not in code list '{list}': {string.Join(", ", codes.Select(c => c.Code))}.");
        return value;
    }
}
