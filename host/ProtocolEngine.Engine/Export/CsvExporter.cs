using System.Text.Json;
using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Export;

/// <summary>
/// One RFC 4180 CSV table per record type: a column per top-level field in the records' JSON form;
/// nested values (verdicts, analgesics, SINS) are written as JSON in their cell. Tables are written
/// one at a time, row by row as they are read.
/// </summary>
public static class CsvExporter
{
    private static readonly (string Name, Action<TextWriter, IExportContent> Write)[] Sheets =
    [
        ("participants.csv", (w, c) => WriteTable(w, c.Participants)),
        ("screenings.csv", (w, c) => WriteTable(w, c.Screenings)),
        ("randomizations.csv", (w, c) => WriteTable(w, c.Randomizations)),
        ("fractions.csv", (w, c) => WriteTable(w, c.Fractions)),
        ("treatment_stops.csv", (w, c) => WriteTable(w, c.TreatmentStops)),
        ("courses.csv", (w, c) => WriteTable(w, c.Courses)),
        ("target_volumes.csv", (w, c) => WriteTable(w, c.TargetVolumes)),
        ("visits.csv", (w, c) => WriteTable(w, c.Visits)),
        ("assessments.csv", (w, c) => WriteTable(w, c.Assessments)),
        ("diary.csv", (w, c) => WriteTable(w, c.Diary)),
        ("adverse_events.csv", (w, c) => WriteTable(w, c.AdverseEvents)),
        ("imaging.csv", (w, c) => WriteTable(w, c.Imaging)),
        ("withdrawals.csv", (w, c) => WriteTable(w, c.Withdrawals)),
        ("vital_status.csv", (w, c) => WriteTable(w, c.VitalStatus)),
        ("audit.csv", (w, c) => WriteTable(w, c.Audit)),
    ];

    /// <summary>Every table in memory, by file name: for tests and small trials; <see cref="ExportService.WriteCsv"/> streams.</summary>
    public static IReadOnlyDictionary<string, string> Tables(TrialExport export)
    {
        var content = new ListExportContent(export);
        return Sheets.ToDictionary(s => s.Name, s =>
        {
            var text = new StringWriter();
            s.Write(text, content);
            return text.ToString();
        });
    }

    /// <summary>Hands each table, by file name, to <paramref name="each"/> as a writing step to run on a text writer; returns how many.</summary>
    internal static int Write(IExportContent content, Action<string, Action<TextWriter>> each)
    {
        foreach (var (name, write) in Sheets)
            each(name, w => write(w, content));
        return Sheets.Length;
    }

    public static string Table<T>(IReadOnlyList<T> rows)
    {
        var text = new StringWriter();
        WriteTable(text, rows);
        return text.ToString();
    }

    public static void WriteTable<T>(TextWriter w, IEnumerable<T> rows)
    {
        var columns = typeof(T).GetProperties().Where(p => p.GetMethod is { IsStatic: false, IsPublic: true } && p.GetIndexParameters().Length == 0)
            .Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name)).ToList();
        Row(w, columns);
        foreach (var row in rows)
        {
            using var doc = JsonDocument.Parse(RecordJson.Serialize(row));
            Row(w, columns.Select(c => doc.RootElement.TryGetProperty(c, out var v) ? Cell(v) : ""));
        }
    }

    private static void Row(TextWriter w, IEnumerable<string> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first) w.Write(',');
            w.Write(Escape(cell));
            first = false;
        }
        w.Write("\r\n");
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
