using ProtocolEngine.Engine.Diagnostics;

namespace ProtocolEngine.Engine.Loading;

/// <summary>The outcome of loading: the document when it could be bound, and every problem found.</summary>
public sealed record LoadResult(ProtocolDocument? Document, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Document is null || Diagnostics.Any(d => d.IsError);
}
