using System.Globalization;
using System.Text.Json;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Screening;

namespace ProtocolEngine.Engine.Export.Tables;

/// <summary>
/// The screening data as tables typed by the protocol's variables: <c>screening_values</c> holds one column per
/// single-valued variable; a variable with many values gets <c>screening_VARIABLE</c> (one row per value); a records
/// variable gets <c>screening_VARIABLE</c> (one row per record, one column per single-valued field) and
/// <c>screening_VARIABLE_FIELD</c> for each of its many-valued fields.
/// </summary>
internal static class ScreeningValues
{
    private static readonly string[] Keys = ["screening_id", "participant_id"];

    public static IEnumerable<ExportTable> Tables(IExportContent c, Protocol protocol, ExportCodeLists codes)
    {
        var single = protocol.Variables.Where(v => !v.Many && v.Type != VariableType.Records).ToList();
        var wide = new TableSpec<ScreeningRecord>("screening_values", "One row per screening: the value of each single-valued variable (empty when not given).", codes)
            .Column("screening_id", s => s.Id).Column("participant_id", s => s.ParticipantId);
        foreach (var v in single)
            Add(wide, Column(v, Keys), v, s => s.Variables.TryGetValue(v.Id, out var e) ? e : (JsonElement?)null, codes);
        yield return wide.Over(c.Screenings);

        foreach (var v in protocol.Variables.Where(v => v.Many && v.Type != VariableType.Records))
        {
            var spec = new TableSpec<(ScreeningRecord S, int Item, JsonElement Value)>($"screening_{v.Id}", $"One row per value of '{v.Id}' ({v.Label}) at a screening.", codes)
                .Column("screening_id", x => x.S.Id).Column("participant_id", x => x.S.ParticipantId).Column("item", x => x.Item);
            Add(spec, "value", v, x => x.Value, codes);
            yield return spec.Over(c.Screenings.SelectMany(s => Items(s, v.Id).Select((e, i) => (s, i + 1, e))));
        }

        foreach (var v in protocol.Variables.Where(v => v.Type == VariableType.Records))
        {
            var fields = v.Fields ?? [];
            var spec = new TableSpec<(ScreeningRecord S, int Record, JsonElement Value)>($"screening_{v.Id}", $"One row per record of '{v.Id}' ({v.Label}) at a screening.", codes)
                .Column("screening_id", x => x.S.Id).Column("participant_id", x => x.S.ParticipantId).Column("record", x => x.Record);
            foreach (var f in fields.Where(f => !f.Many && f.Type != VariableType.Records))
                Add(spec, Column(f, [.. Keys, "record"]), f, x => Field(x.Value, f.Id), codes);
            yield return spec.Over(c.Screenings.SelectMany(s => Items(s, v.Id).Select((e, i) => (s, i + 1, e))));
            foreach (var f in fields.Where(f => f.Many && f.Type != VariableType.Records))
            {
                var items = new TableSpec<(ScreeningRecord S, int Record, int Item, JsonElement Value)>($"screening_{v.Id}_{f.Id}",
                        $"One row per value of field '{f.Id}' ({f.Label}) of a record of '{v.Id}'.", codes)
                    .Column("screening_id", x => x.S.Id).Column("participant_id", x => x.S.ParticipantId).Column("record", x => x.Record).Column("item", x => x.Item);
                Add(items, "value", f, x => x.Value, codes);
                yield return items.Over(c.Screenings.SelectMany(s => Items(s, v.Id).SelectMany((r, i) =>
                    (Field(r, f.Id) is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray().ToList() : []).Select((e, j) => (s, i + 1, j + 1, e)))));
            }
        }
    }

    /// <summary>The variable's id as its column, unless that is one of the key columns.</summary>
    private static string Column(Variable v, string[] keys) => keys.Contains(v.Id) ? v.Id + "_value" : v.Id;

    private static void Add<T>(TableSpec<T> spec, string column, Variable v, Func<T, JsonElement?> value, ExportCodeLists codes)
    {
        var (type, codeList) = v.Type switch
        {
            VariableType.Integer => (typeof(long), null),
            VariableType.Number => (typeof(double), null),
            VariableType.Boolean => (typeof(bool), null),
            VariableType.Date => (typeof(DateOnly), null),
            VariableType.Code => (typeof(string), v.CodeList is { } list ? codes.Add(list, []) : null),
            _ => (typeof(string), (string?)null),
        };
        var about = $"{v.Label}{(v.Judgement ? " (the investigator's judgement)" : "")}{(v.Description is { } d ? ". " + d : "")}";
        spec.Column(column, r => Typed(value(r), v.Type), type, v.Unit, codeList, about.TrimEnd('.') + ".");
    }

    private static IEnumerable<JsonElement> Items(ScreeningRecord s, string id) =>
        s.Variables.TryGetValue(id, out var e) && e.ValueKind == JsonValueKind.Array ? e.EnumerateArray() : [];

    private static JsonElement? Field(JsonElement record, string field) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty(field, out var v) ? v : null;

    /// <summary>The value as its variable's type; a value of another shape is written as its text, never dropped.</summary>
    private static object? Typed(JsonElement? value, VariableType type) => value switch
    {
        null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { ValueKind: JsonValueKind.Number } e when type == VariableType.Integer && e.TryGetInt64(out var n) => n,
        { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } e when type == VariableType.Date
            && DateOnly.TryParseExact(e.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
        { ValueKind: JsonValueKind.String } e => e.GetString(),
        { } e => e.GetRawText(),
    };
}
