using System.Globalization;
using System.Text.Json;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Workspace;

/// <summary>
/// A form field's text and its variable's JSON value, both ways: integers and numbers in invariant form, booleans
/// as yes/no (y, n, true, false), dates yyyy-MM-dd, codes as written, many-valued variables comma-separated,
/// records as a JSON array of objects. The range and code-list checks stay with <see cref="Participants.ParticipantReader"/>.
/// </summary>
public static class FieldText
{
    /// <summary>The JSON value of <paramref name="text"/> for <paramref name="variable"/>, or null with a message saying what to type.</summary>
    /// <param name="variable">The variable the text is for.</param>
    /// <param name="text">The text as typed (not empty).</param>
    /// <param name="error">Why the text is not a value of the variable's type, when it is not.</param>
    public static JsonElement? Parse(Variable variable, string text, out string? error)
    {
        error = null;
        text = text.Trim();
        if (variable.Type == VariableType.Records)
        {
            try
            {
                using var doc = JsonDocument.Parse(text);
                return doc.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                error = $"not a JSON list of records ({ex.Message.Split('.')[0]}); write e.g. {Example(variable)}";
                return null;
            }
        }
        if (!variable.Many)
            return Single(variable, text, out error);
        var items = new List<JsonElement>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Single(variable, part, out error) is not { } item) return null;
            items.Add(item);
        }
        return JsonSerializer.SerializeToElement(items);
    }

    private static JsonElement? Single(Variable variable, string text, out string? error)
    {
        error = null;
        switch (variable.Type)
        {
            case VariableType.Integer when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l):
                return JsonSerializer.SerializeToElement(l);
            case VariableType.Integer:
                error = $"'{text}' is not a whole number";
                return null;
            case VariableType.Number when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d):
                return JsonSerializer.SerializeToElement(d);
            case VariableType.Number:
                error = $"'{text}' is not a number (use a point: 12.5)";
                return null;
            case VariableType.Boolean:
                switch (text.ToLowerInvariant())
                {
                    case "y" or "yes" or "true": return JsonSerializer.SerializeToElement(true);
                    case "n" or "no" or "false": return JsonSerializer.SerializeToElement(false);
                }
                error = $"'{text}' is not yes or no (type y or n)";
                return null;
            case VariableType.Date when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                return JsonSerializer.SerializeToElement(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            case VariableType.Date:
                error = $"'{text}' is not a date written yyyy-mm-dd";
                return null;
            default:
                return JsonSerializer.SerializeToElement(text);
        }
    }

    /// <summary>The text a field shows for a stored value.</summary>
    /// <param name="value">The stored JSON value.</param>
    public static string Format(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Array when value.EnumerateArray().All(e => e.ValueKind != JsonValueKind.Object) => string.Join(", ", value.EnumerateArray().Select(Format)),
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        _ => value.GetRawText(),
    };

    /// <summary>What to type in the field: the form, the range and unit, or the codes.</summary>
    /// <param name="variable">The field's variable.</param>
    /// <param name="codes">Its code list's codes (empty without one).</param>
    public static string Hint(Variable variable, IReadOnlyList<CodeOption> codes)
    {
        var range = (variable.Min, variable.Max) switch
        {
            ({ } lo, { } hi) => $" {Num(lo)}-{Num(hi)}",
            ({ } lo, null) => $" >= {Num(lo)}",
            (null, { } hi) => $" <= {Num(hi)}",
            _ => "",
        };
        var unit = variable.Unit is { Length: > 0 } u ? $" {u}" : "";
        var one = variable.Type switch
        {
            VariableType.Integer => $"whole number{range}{unit}",
            VariableType.Number => $"number{range}{unit}",
            VariableType.Boolean => "y/n",
            VariableType.Date => "yyyy-mm-dd",
            VariableType.Code => codes.Count <= 8 ? string.Join("|", codes.Select(c => c.Code)) : $"code ({codes.Count}: {string.Join(", ", codes.Take(4).Select(c => c.Code))}, ...)",
            VariableType.Records => "JSON list, e.g. " + Example(variable),
            _ => "text",
        };
        return variable.Many && variable.Type != VariableType.Records ? one + ", comma-separated" : one;
    }

    private static string Example(Variable variable) =>
        "[{" + string.Join(",", (variable.Fields ?? []).Select(f => $"\"{f.Id}\":{(f.Type switch
        {
            VariableType.Integer or VariableType.Number => f.Many ? "[1]" : "1",
            VariableType.Boolean => "false",
            _ => "\"..\"",
        })}")) + "}]";

    private static string Num(double d) => d.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>The variable id a reader's error path ($.age, $.metastases[0].level) is about.</summary>
    /// <param name="path">The error's JSON path.</param>
    public static string RootOf(string path)
    {
        var rest = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        var end = rest.IndexOfAny(['.', '[']);
        return end < 0 ? rest : rest[..end];
    }
}
