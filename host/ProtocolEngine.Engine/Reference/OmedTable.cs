using System.Text.Json;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Reference;

/// <summary>The oral morphine equivalent conversion table (Reference/omed-conversion.json, with its sources).</summary>
public sealed class OmedTable
{
    private readonly Dictionary<string, OpioidFactor> _drugs;

    public OmedTable(IEnumerable<OpioidFactor> drugs) => _drugs = drugs.ToDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase);

    public static OmedTable Default { get; } = LoadEmbedded();

    public IReadOnlyCollection<OpioidFactor> Drugs => _drugs.Values;

    public OpioidFactor Find(string drug, string field) => _drugs.TryGetValue(drug, out var f) ? f
        : throw new RecordRejectedException(field, $"'{drug}' is not in the OMED table; drugs: {string.Join(", ", _drugs.Keys)}.");

    public double ToOmed(string drug, double dailyAmount, string field) => Math.Round(Find(drug, field).Factor * dailyAmount, 2);

    /// <summary>
    /// Reads the embedded table with the JSON reader alone: every command builds its options at start (the
    /// `--analgesic` help lists the drugs), and reflection-based deserialization cost a tenth of a command's time.
    /// </summary>
    private static OmedTable LoadEmbedded()
    {
        using var stream = typeof(OmedTable).Assembly.GetManifestResourceStream("ProtocolEngine.Reference.omed-conversion.json")
            ?? throw new InvalidOperationException("The OMED table resource is missing from the engine assembly.");
        using var doc = JsonDocument.Parse(stream);
        var drugs = doc.RootElement.GetProperty("drugs").EnumerateArray().Select(d => new OpioidFactor
        {
            Id = d.GetProperty("id").GetString()!,
            Name = d.GetProperty("name").GetString()!,
            Unit = d.GetProperty("unit").GetString()!,
            Factor = d.GetProperty("factor").GetDouble(),
        }).ToList();
        return new OmedTable(drugs);
    }
}
