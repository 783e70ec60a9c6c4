using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Plugins.Ctv.Isrc;

/// <summary>
/// Applies a protocol's CTV table to one lesion: the first row (as written or mirrored) that describes the whole
/// lesion decides; otherwise, when the table combines parts, the rows that describe its largest parts together
/// (their CTVs joined, a sector any of them requires being required).
/// </summary>
internal static class TableSelector
{
    public static CtvSelection Select(CtvPolicyTable table, SortedSet<int> involved, CtvSelectionRequest request)
    {
        if (table.Rows.Count == 0)
            throw new ArgumentException("Table: the table has no rows; give the consensus rows in the protocol.");
        var variants = table.Rows.SelectMany(RowVariant.Of).Where(v => v.Applies(request)).ToList();
        if (variants.FirstOrDefault(v => v.Whole(involved)) is { } whole)
            return Selection([whole], involved, request, "matches");
        if (!table.CombineParts)
            throw new ArgumentException($"InvolvedSectors: no row of the table describes a GTV in sector(s) {Sectors.Text(involved)}{ExtentHint(involved, request)}; add a row or let the table combine parts.");

        var present = variants.Where(v => v.Present(involved)).Select(v => (Variant: v, Covered: involved.Intersect(v.Covered).ToHashSet())).ToList();
        // The largest parts: drop a part another covers more of; of parts covering the same sectors keep the first in table order.
        var parts = present.Where((p, i) => !present.Select((q, j) => (q, j)).Any(x => x.j != i
                && (p.Covered.IsProperSubsetOf(x.q.Covered) || (x.j < i && p.Covered.SetEquals(x.q.Covered)))))
            .Select(p => p.Variant).ToList();
        var uncovered = involved.Except(parts.SelectMany(p => p.Covered)).ToList();
        if (uncovered.Count > 0)
            throw new ArgumentException($"InvolvedSectors: no row of the table covers sector(s) {Sectors.Text(uncovered)} of a GTV in {Sectors.Text(involved)}{ExtentHint(involved, request)}.");
        return Selection(parts, involved, request, parts.Count == 1 ? "matches" : "is covered part by part by");
    }

    private static CtvSelection Selection(IReadOnlyList<RowVariant> rows, SortedSet<int> involved, CtvSelectionRequest request, string how)
    {
        var required = new SortedSet<int>(rows.SelectMany(r => r.Include));
        var optional = new SortedSet<int>(rows.SelectMany(r => r.Optional).Where(s => !required.Contains(s)));
        var circumferential = rows.Any(r => r.Row.Circumferential);
        var rule = string.Join(" + ", rows.Select(r => r.Name));
        var extent = request.VertebralBodyExtent is { } e && involved.Contains(1) ? $" ({e.ToString().ToLowerInvariant()} in the body)" : "";
        var explanation = $"GTV in sector(s) {Sectors.Text(involved)}{extent} {how} {string.Join(" + ", rows.Select(r => $"'{r.Name}' ({r.Row.Description})"))}: "
            + $"CTV {Sectors.Text(required)}, optional {Sectors.Text(optional)}{(circumferential ? ", circumferential around the cord" : "")}.{Sectors.EpiduralText(request.Epidural)}";
        return new CtvSelection([.. required], [.. optional], rule, explanation)
        {
            Circumferential = circumferential, Epidural = request.Epidural, PtvMarginCm = request.PtvMarginCm,
        };
    }

    private static string ExtentHint(SortedSet<int> involved, CtvSelectionRequest request) =>
        involved.Contains(1) && request.VertebralBodyExtent is null
            ? ": sector 1 is involved but not where within the vertebral body the GTV lies; give the extent (focal, left, right or diffuse)"
            : "";
}
