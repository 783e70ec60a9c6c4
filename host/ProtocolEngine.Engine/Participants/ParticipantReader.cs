using System.Globalization;
using System.Text.Json;
using ProtocolEngine.Engine.Loading;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Participants;

/// <summary>
/// Reads participant data (a flat JSON object of variable ids; records as arrays of objects; dates
/// as "YYYY-MM-DD"; null or absent means missing) and checks every value against its variable:
/// known id, right type, within min/max, a code of its code list. All errors are collected.
/// </summary>
public sealed class ParticipantReader(Protocol protocol)
{
    private readonly Dictionary<string, Variable> _variables = protocol.Variables.ToDictionary(v => v.Id, StringComparer.Ordinal);

    public ParticipantReadResult Read(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return Read(doc.RootElement);
        }
        catch (JsonException ex)
        {
            return new ParticipantReadResult(null, [new ParticipantError("$", $"not valid JSON: {ex.Message}")]);
        }
    }

    public ParticipantReadResult Read(JsonElement root)
    {
        var errors = new List<ParticipantError>();
        if (root.ValueKind != JsonValueKind.Object)
            return new ParticipantReadResult(null, [new ParticipantError("$", "participant data must be a JSON object of variable ids")]);
        if (JsonStrings.FirstInvalid(root) is { } invalid)
            return new ParticipantReadResult(null, [new ParticipantError(invalid, JsonStrings.Problem)]);
        var values = ReadObject(root, "$", _variables, "variable", errors);
        return errors.Count == 0 ? new ParticipantReadResult(new ParticipantData(values), []) : new ParticipantReadResult(null, errors);
    }

    private Dictionary<string, object> ReadObject(JsonElement obj, string path, IReadOnlyDictionary<string, Variable> known, string noun, List<ParticipantError> errors)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            var at = $"{path}.{property.Name}";
            if (!seen.Add(property.Name))
            {
                // JSON allows a name twice and readers differ on which value wins: refuse rather than guess.
                errors.Add(new ParticipantError(at, $"'{property.Name}' is given twice; keep one."));
                continue;
            }
            if (!known.TryGetValue(property.Name, out var variable))
            {
                var hint = Naming.Closest(property.Name, known.Keys) is { } close ? $"; did you mean '{close}'?" : "";
                errors.Add(new ParticipantError(at, $"unknown {noun} '{property.Name}'{hint}"));
                continue;
            }
            if (property.Value.ValueKind == JsonValueKind.Null)
                continue;
            if (ReadVariable(property.Value, at, variable, errors) is { } value)
                values[property.Name] = value;
        }
        return values;
    }

    private object? ReadVariable(JsonElement value, string path, Variable variable, List<ParticipantError> errors)
    {
        if (variable.Type == VariableType.Records)
        {
            if (value.ValueKind != JsonValueKind.Array)
                return Fail(errors, path, $"'{variable.Id}' must be an array of objects (one per record)");
            var fields = (variable.Fields ?? []).ToDictionary(f => f.Id, StringComparer.Ordinal);
            var records = new List<IReadOnlyDictionary<string, object>>();
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                var at = $"{path}[{i++}]";
                if (item.ValueKind != JsonValueKind.Object)
                    Fail(errors, at, "each record must be a JSON object of its fields");
                else
                    records.Add(ReadObject(item, at, fields, $"field of {variable.Id}", errors));
            }
            return records.ToArray();
        }
        if (!variable.Many)
            return ReadSingle(value, path, variable, errors);
        if (value.ValueKind != JsonValueKind.Array)
            return Fail(errors, path, $"'{variable.Id}' holds many values: write a JSON array");
        var items = value.EnumerateArray().Select((e, k) => ReadSingle(e, $"{path}[{k}]", variable, errors)).ToList();
        if (items.Any(x => x is null)) return null;
        return variable.Type switch
        {
            VariableType.Integer => items.Cast<int>().ToArray(),
            VariableType.Number => items.Cast<double>().ToArray(),
            VariableType.Boolean => items.Cast<bool>().ToArray(),
            VariableType.Date => items.Cast<DateOnly>().ToArray(),
            _ => (object)items.Cast<string>().ToArray(),
        };
    }

    private object? ReadSingle(JsonElement value, string path, Variable v, List<ParticipantError> errors)
    {
        switch (v.Type)
        {
            case VariableType.Integer:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var n))
                    return Fail(errors, path, $"'{v.Id}' must be a whole number, not {Show(value)}");
                return InRange(n, path, v, errors) ? n : null;
            case VariableType.Number:
                if (value.ValueKind != JsonValueKind.Number)
                    return Fail(errors, path, $"'{v.Id}' must be a number, not {Show(value)}");
                var d = value.GetDouble();
                return InRange(d, path, v, errors) ? d : null;
            case VariableType.Boolean:
                return value.ValueKind is JsonValueKind.True or JsonValueKind.False
                    ? value.GetBoolean()
                    : Fail(errors, path, $"'{v.Id}' must be true or false, not {Show(value)}");
            case VariableType.Date:
                return value.ValueKind == JsonValueKind.String
                       && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? date
                    : Fail(errors, path, $"'{v.Id}' must be a date written \"YYYY-MM-DD\", not {Show(value)}");
            case VariableType.Code:
                if (value.ValueKind != JsonValueKind.String)
                    return Fail(errors, path, $"'{v.Id}' must be a code (a string), not {Show(value)}");
                var code = value.GetString()!;
                var codes = v.CodeList is not null && protocol.CodeLists.TryGetValue(v.CodeList, out var list) ? list.Select(c => c.Code).ToList() : [];
                if (codes.Contains(code, StringComparer.Ordinal)) return code;
                var hint = Naming.Closest(code, codes) is { } close ? $"did you mean '{close}'?" : $"codes: {string.Join(", ", codes)}";
                return Fail(errors, path, $"'{code}' is not a code of list '{v.CodeList}'; {hint}");
            default:
                return value.ValueKind == JsonValueKind.String
                    ? value.GetString()
                    : Fail(errors, path, $"'{v.Id}' must be text (a string), not {Show(value)}");
        }
    }

    private static bool InRange(double value, string path, Variable v, List<ParticipantError> errors)
    {
        if ((v.Min is { } min && value < min) || (v.Max is { } max && value > max))
        {
            errors.Add(new ParticipantError(path, $"{value.ToString(CultureInfo.InvariantCulture)} is out of range for '{v.Id}' ({Bound(v.Min)} to {Bound(v.Max)}{(v.Unit is null ? "" : " " + v.Unit)})"));
            return false;
        }
        return true;
    }

    private static string Bound(double? b) => b?.ToString(CultureInfo.InvariantCulture) ?? "any";

    private static string Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"\"{value.GetString()}\"",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => value.GetRawText(),
    };

    private static object? Fail(List<ParticipantError> errors, string path, string message)
    {
        errors.Add(new ParticipantError(path, message));
        return null;
    }
}
