using System.Text.Json;
using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Export.Tables;

/// <summary>One field an audit entry changed: its path in the record and its values before and after, as text.</summary>
internal sealed record AuditChange(long Sequence, string Collection, string RecordId, string? ParticipantId, string Field, string? OldValue, string? NewValue)
{
    /// <summary>Every leaf field whose value differs between the entry's old and new record (all of a new record's).</summary>
    public static IEnumerable<AuditChange> Of(AuditEntry e)
    {
        var before = Leaves(e.OldValue);
        var after = Leaves(e.NewValue);
        foreach (var field in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var old = before.GetValueOrDefault(field);
            var now = after.GetValueOrDefault(field);
            if (old != now)
                yield return new AuditChange(e.Sequence, e.Collection, e.RecordId, e.ParticipantId, field, old, now);
        }
    }

    /// <summary>The field of a value that is not a record.</summary>
    public const string Whole = "value";

    private static Dictionary<string, string?> Leaves(string? json)
    {
        var leaves = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json)) return leaves;
        try
        {
            using var doc = JsonDocument.Parse(json);
            Walk(doc.RootElement, "", leaves);
        }
        catch (JsonException)
        {
            leaves[""] = json; // a value that is not a record (a concealed randomization, a setting)
        }
        // A value that is not an object is one field, named "value".
        if (leaves.Remove("", out var whole)) leaves[Whole] = whole;
        return leaves;
    }

    private static JsonDocument? Parsed(string text)
    {
        try { return JsonDocument.Parse(text); }
        catch (JsonException) { return null; }
    }

    private static void Walk(JsonElement e, string path, Dictionary<string, string?> leaves)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                    Walk(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}", leaves);
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in e.EnumerateArray())
                    Walk(item, $"{path}[{++i}]", leaves);
                break;
            case JsonValueKind.Null:
                leaves[path] = null;
                break;
            case JsonValueKind.String when e.GetString() is ['{' or '[', ..] text && Parsed(text) is { } inner:
                // JSON kept as text inside a record (a protocol version's canonical JSON): its fields, one a row.
                using (inner)
                    Walk(inner.RootElement, path, leaves);
                break;
            case JsonValueKind.String:
                leaves[path] = e.GetString();
                break;
            default:
                leaves[path] = e.GetRawText();
                break;
        }
    }
}
