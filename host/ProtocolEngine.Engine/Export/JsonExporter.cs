using System.Text.Json;
using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Export;

/// <summary>
/// The JSON export written record by record as the tables are read: the document a <see cref="TrialExport"/> serializes
/// to with <see cref="RecordJson.Indented"/>, byte for byte (same keys, order and layout), without holding it.
/// </summary>
internal static class JsonExporter
{
    /// <summary>Bytes the writer may hold before they go to the stream.</summary>
    private const int FlushAt = 64 * 1024;

    private static readonly JsonSerializerOptions Options = RecordJson.Indented;

    public static void Write(Stream output, IExportContent c)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions
        {
            Indented = Options.WriteIndented, IndentCharacter = Options.IndentCharacter, IndentSize = Options.IndentSize,
            NewLine = Options.NewLine, Encoder = Options.Encoder, MaxDepth = Options.MaxDepth,
        });
        var h = c.Header;
        w.WriteStartObject();
        Value(w, nameof(TrialExport.ProtocolId), h.ProtocolId);
        Value(w, nameof(TrialExport.ProtocolHash), h.ProtocolHash);
        Value(w, nameof(TrialExport.ExportedAtUtc), h.ExportedAtUtc);
        Value(w, nameof(TrialExport.ExportedBy), h.ExportedBy);
        Value(w, nameof(TrialExport.IncludesRandomizationList), h.IncludesRandomizationList);
        Array(w, nameof(TrialExport.ProtocolVersions), c.ProtocolVersions);
        Array(w, nameof(TrialExport.Participants), c.Participants);
        Array(w, nameof(TrialExport.Screenings), c.Screenings);
        Array(w, nameof(TrialExport.Randomizations), c.Randomizations);
        Array(w, nameof(TrialExport.Fractions), c.Fractions);
        Array(w, nameof(TrialExport.TreatmentStops), c.TreatmentStops);
        Array(w, nameof(TrialExport.Courses), c.Courses);
        Array(w, nameof(TrialExport.TargetVolumes), c.TargetVolumes);
        Array(w, nameof(TrialExport.Visits), c.Visits);
        Array(w, nameof(TrialExport.Assessments), c.Assessments);
        Array(w, nameof(TrialExport.Diary), c.Diary);
        Array(w, nameof(TrialExport.AdverseEvents), c.AdverseEvents);
        Array(w, nameof(TrialExport.Imaging), c.Imaging);
        Array(w, nameof(TrialExport.Withdrawals), c.Withdrawals);
        Array(w, nameof(TrialExport.VitalStatus), c.VitalStatus);
        Array(w, nameof(TrialExport.Audit), c.Audit);
        w.WriteEndObject();
        w.Flush();
    }

    /// <summary>The key <see cref="TrialExport"/>'s property has in its JSON form.</summary>
    internal static string Key(string property) => Options.PropertyNamingPolicy?.ConvertName(property) ?? property;

    private static void Value<T>(Utf8JsonWriter w, string property, T value)
    {
        w.WritePropertyName(Key(property));
        JsonSerializer.Serialize(w, value, Options);
    }

    private static void Array<T>(Utf8JsonWriter w, string property, IEnumerable<T> rows)
    {
        w.WritePropertyName(Key(property));
        w.WriteStartArray();
        foreach (var row in rows)
        {
            JsonSerializer.Serialize(w, row, Options);
            if (w.BytesPending >= FlushAt) w.Flush();
        }
        w.WriteEndArray();
    }
}
