using System.Collections.Immutable;

namespace ProtocolEngine.Engine.Storage.InMemory;

/// <summary>
/// One immutable version of an in-memory database: records by collection and ordinal id, audit
/// entries by sequence (as RecordJson text), meta values and claimed keys. A write works on its own
/// version and publishes it whole; a read keeps the version it started with.
/// </summary>
internal sealed record InMemoryState(
    ImmutableDictionary<string, ImmutableSortedDictionary<string, InMemoryDocument>> Collections,
    ImmutableSortedDictionary<long, string> Audit,
    ImmutableDictionary<string, string> Meta,
    ImmutableHashSet<string> Claims)
{
    private static readonly ImmutableSortedDictionary<string, InMemoryDocument> EmptyCollection =
        ImmutableSortedDictionary.Create<string, InMemoryDocument>(StringComparer.Ordinal);

    public static readonly InMemoryState Empty = new(
        ImmutableDictionary.Create<string, ImmutableSortedDictionary<string, InMemoryDocument>>(StringComparer.Ordinal),
        ImmutableSortedDictionary<long, string>.Empty,
        ImmutableDictionary.Create<string, string>(StringComparer.Ordinal),
        ImmutableHashSet.Create<string>(StringComparer.Ordinal));

    public ImmutableSortedDictionary<string, InMemoryDocument> Collection(string name) =>
        Collections.TryGetValue(name, out var c) ? c : EmptyCollection;

    public InMemoryState WithCollection(string name, ImmutableSortedDictionary<string, InMemoryDocument> documents) =>
        this with { Collections = Collections.SetItem(name, documents) };
}
