using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Plugins.Ctv.Isrc;

/// <summary>A table row as written, or mirrored to the right side: its sector groups, extents and CTV sectors.</summary>
internal sealed record RowVariant(CtvPolicyRow Row, bool Mirror, IReadOnlyList<IReadOnlyList<int>> Groups, IReadOnlyList<VertebralBodyExtent> Extents,
    IReadOnlyList<int> Include, IReadOnlyList<int> Optional)
{
    public string Name => Mirror ? $"{Row.Id} (mirrored)" : Row.Id;

    public IEnumerable<int> Covered => Groups.SelectMany(g => g);

    /// <summary>The row as written and, for a row written for one side, its mirror image.</summary>
    public static IEnumerable<RowVariant> Of(CtvPolicyRow row, int index)
    {
        var groups = row.SectorGroups.Count > 0 ? row.SectorGroups : row.InvolvedSectors.Select(s => (IReadOnlyList<int>)[s]).ToList();
        if (groups.Count == 0 || groups.Any(g => g.Count == 0))
            throw new ArgumentException($"Table.Rows[{index}] '{row.Id}': the row names no involved sector; give its GTV sectors.");
        foreach (var s in groups.SelectMany(g => g).Concat(row.Include).Concat(row.Optional))
        {
            if (s is < 1 or > 6)
                throw new ArgumentException($"Table.Rows[{index}] '{row.Id}': {s} is not an ISRC sector (1-6).");
        }
        yield return new RowVariant(row, false, groups, row.VertebralBodyExtents, row.Include, row.Optional);
        if (row.Mirrored)
        {
            yield return new RowVariant(row, true, [.. groups.Select(g => (IReadOnlyList<int>)[.. g.Select(Sectors.Mirror)])],
                [.. row.VertebralBodyExtents.Select(MirrorExtent)], [.. row.Include.Select(Sectors.Mirror)], [.. row.Optional.Select(Sectors.Mirror)]);
        }
    }

    private static VertebralBodyExtent MirrorExtent(VertebralBodyExtent e) => e switch
    {
        VertebralBodyExtent.Left => VertebralBodyExtent.Right,
        VertebralBodyExtent.Right => VertebralBodyExtent.Left,
        _ => e,
    };

    /// <summary>Extent and findings agree with the lesion (an extent the row asks for must be known).</summary>
    public bool Applies(CtvSelectionRequest request) =>
        (Extents.Count == 0 || (request.VertebralBodyExtent is { } e && Extents.Contains(e)))
        && Row.RequiredFindings.All(f => request.Findings.Contains(f, StringComparer.Ordinal));

    /// <summary>Every group has an involved sector (the row's pattern is present in the lesion).</summary>
    public bool Present(IReadOnlySet<int> involved) => Groups.All(g => g.Any(involved.Contains));

    /// <summary>The row describes the whole lesion: its pattern is present and no involved sector lies outside it.</summary>
    public bool Whole(IReadOnlySet<int> involved) => Present(involved) && involved.All(Covered.Contains);
}
