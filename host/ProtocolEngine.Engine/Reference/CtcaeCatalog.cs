using System.Globalization;

namespace ProtocolEngine.Engine.Reference;

/// <summary>CTCAE v5.0 (NCI) terms from the embedded Reference/ctcae-v5.0.csv; a grade shown as " -" does not exist.</summary>
public sealed class CtcaeCatalog
{
    private readonly Dictionary<string, CtcaeTerm> _terms;

    private CtcaeCatalog(IEnumerable<CtcaeTerm> terms) => _terms = terms.ToDictionary(t => t.Term, StringComparer.OrdinalIgnoreCase);

    public static CtcaeCatalog Default { get; } = LoadEmbedded();

    public int Count => _terms.Count;

    public IReadOnlyCollection<CtcaeTerm> Terms => _terms.Values;

    public CtcaeTerm? Find(string term) => _terms.GetValueOrDefault(term.Trim());

    public static CtcaeCatalog Parse(TextReader reader) => new(CsvLines.Read(reader).Skip(1).Where(r => r.Count >= 8).Select(r => new CtcaeTerm(
        long.Parse(r[0], CultureInfo.InvariantCulture), r[1], r[2].Trim(),
        [.. r.Skip(3).Take(5).Select(g => g.Trim() is "-" or "" ? null : g.Trim())])));

    private static CtcaeCatalog LoadEmbedded()
    {
        using var stream = typeof(CtcaeCatalog).Assembly.GetManifestResourceStream("ProtocolEngine.Reference.ctcae-v5.0.csv")
            ?? throw new InvalidOperationException("The CTCAE resource is missing from the engine assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
