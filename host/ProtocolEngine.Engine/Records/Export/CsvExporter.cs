using System.Text;
using System.Text.Json;
using ProtocolEngine.Engine.Records.Persistence;

namespace ProtocolEngine.Engine.Records.Export;

/// <summary>
/// One RFC 4180 CSV table per record type: a column per top-level field in the records' JSON form;
/// nested values (verdicts, analgesics, SINS) are written as JSON in their cell.
/// </summary>
public static class CsvExporter
{
    public static IReadOnlyDictionary<string, string> Tables(TrialExport export) => new Dictionary<string, string>
    {
        ["participants.csv"] = Table(export.Participants),
        ["screenings.csv"] = Table(export.Screenings),
        ["randomizations.csv"] = Table(export.Randomizations),
        ["fractions.csv"] = Table(export.Fractions),
        ["treatment_stops.csv"] = Table(export.TreatmentStops),
        ["courses.csv"] = Table(export.Courses),
        ["target_volumes.csv"] = Table(export.TargetVolumes),
        ["visits.csv"] = Table(export.Visits),
        ["assessments.csv"] = Table(export.Assessments),
        ["diary.csv"] = Table(export.Diary),
        ["adverse_events.csv"] = Table(export.AdverseEvents),
        ["imaging.csv"] = Table(export.Imaging),
        ["withdrawals.csv"] = Table(export.Withdrawals),
        ["vital_status.csv"] = Table(export.VitalStatus),
        ["audit.csv"] = Table(export.Audit),
    };

    public static string Table<T>(IReadOnlyList<T> rows)
    {
        var columns = typeof(T).GetProperties().Where(p => p.GetMethod is { IsStatic: false, IsPublic: true } && p.GetIndexParameters().Length == 0)
            .Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name)).ToList();
        var sb = new StringBuilder();
        sb.AppendJoin(',', columns.Select(Escape)).Append("\r\n");
        foreach (var row in rows)
        {
            using var doc = JsonDocument.Parse(RecordJson.Serialize(row));
            sb.AppendJoin(',', columns.Select(c => Escape(doc.RootElement.TryGetProperty(c, out var v) ? Cell(v) : ""))).Append("\r\n");
        }
        return sb.ToString();
    }

    private static string Cell(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null => "",
        JsonValueKind.String => v.GetString()!,
        _ => v.GetRawText(),
    };

    private static string Escape(string s) =>
        s.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
