namespace ProtocolEngine.Engine.Diagnostics;

/// <summary>Collects every problem of a run so that all of them are reported at once.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => ErrorCount > 0;

    public int ErrorCount { get; private set; }

    public void Error(string code, SourceLocation at, string message) =>
        Add(new Diagnostic(code, Severity.Error, message, at));

    public void Warning(string code, SourceLocation at, string message) =>
        Add(new Diagnostic(code, Severity.Warning, message, at));

    public void Add(Diagnostic diagnostic)
    {
        _items.Add(diagnostic);
        if (diagnostic.IsError)
            ErrorCount++;
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
            Add(d);
    }

    /// <summary>Diagnostics in file, line, column order; stable for equal positions.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        _items.OrderBy(d => d.Location.File, StringComparer.Ordinal)
              .ThenBy(d => d.Location.Line)
              .ThenBy(d => d.Location.Column)
              .ToList();
}
