using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using ProtocolEngine.Engine.Reference;
using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Csv;

/// <summary>
/// The NCI's CTCAE v5.0 table (host/ProtocolEngine.Engine/Reference/ctcae-v5.0.csv, as published) read with CsvHelper,
/// and the JSON the engine embeds from it (ctcae-v5.0.json: code, organ class, term and grades), so that the core needs no
/// CSV reader. A test keeps the two identical.
/// </summary>
public static class CtcaeCsv
{
    /// <summary>The terms of the CSV: a grade written " -" (or empty) does not exist.</summary>
    public static IReadOnlyList<CtcaeTerm> Read(TextReader csv)
    {
        using var reader = CsvReader.Create(csv, null, leaveOpen: true);
        var terms = new List<CtcaeTerm>();
        while (reader.Read())
        {
            if (reader.FieldCount < 8) continue;
            terms.Add(new CtcaeTerm(long.Parse(reader.GetString(0), NumberStyles.None, CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2).Trim(),
                [.. Enumerable.Range(3, 5).Select(i => reader.GetString(i).Trim() is "-" or "" ? null : reader.GetString(i).Trim())]));
        }
        return terms;
    }

    private static readonly JsonSerializerOptions Readable = new(RecordJson.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The JSON the engine embeds: an array of terms, one a line.</summary>
    public static string Json(IEnumerable<CtcaeTerm> terms)
    {
        var text = new StringBuilder("[\n");
        var first = true;
        foreach (var term in terms)
        {
            if (!first) text.Append(",\n");
            text.Append("  ").Append(JsonSerializer.Serialize(term, Readable));
            first = false;
        }
        return text.Append("\n]\n").ToString();
    }
}
