using System.Text.Json;
using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Reference;

/// <summary>
/// CTCAE v5.0 (NCI) terms from the embedded Reference/ctcae-v5.0.json, which the CSV edge derives from the NCI's
/// Reference/ctcae-v5.0.csv (a test keeps them identical); a grade that does not exist is null.
/// </summary>
public sealed class CtcaeCatalog
{
    private readonly Dictionary<string, CtcaeTerm> _terms;

    private CtcaeCatalog(IEnumerable<CtcaeTerm> terms) => _terms = terms.ToDictionary(t => t.Term, StringComparer.OrdinalIgnoreCase);

    public static CtcaeCatalog Default { get; } = LoadEmbedded();

    public int Count => _terms.Count;

    public IReadOnlyCollection<CtcaeTerm> Terms => _terms.Values;

    public CtcaeTerm? Find(string term) => _terms.GetValueOrDefault(term.Trim());

    /// <summary>A catalog of the given terms.</summary>
    public static CtcaeCatalog Of(IEnumerable<CtcaeTerm> terms) => new(terms);

    /// <summary>The terms as the embedded JSON holds them (an array of terms in the records' JSON form).</summary>
    public static CtcaeCatalog FromJson(Stream json) =>
        new(JsonSerializer.Deserialize<List<CtcaeTerm>>(json, RecordJson.Options) ?? throw new JsonException("The CTCAE table is empty."));

    private static CtcaeCatalog LoadEmbedded()
    {
        using var stream = typeof(CtcaeCatalog).Assembly.GetManifestResourceStream("ProtocolEngine.Reference.ctcae-v5.0.json")
            ?? throw new InvalidOperationException("The CTCAE resource is missing from the engine assembly.");
        return FromJson(stream);
    }
}
