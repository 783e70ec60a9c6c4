using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProtocolEngine.Engine.Demo.Population;

/// <summary>
/// Draws new levels for a template's lesions while keeping its pattern: each site of disease (a run
/// of lesions on adjacent levels) moves as a whole to a place drawn by the regions' weights (a
/// region's weight spread evenly over its levels; a site's weight is the geometric mean of its
/// levels'), never touching another site. Adjacent lesions stay adjacent and separate sites stay
/// separate, so the participant keeps the same number of sites and stays eligible.
/// </summary>
internal static class LesionLevels
{
    /// <summary>Draws of all sites before the template's levels are kept as they are.</summary>
    private const int Tries = 8;

    public static JsonElement Redraw(JsonElement records, LesionDistribution lesions, Random random)
    {
        if (JsonNode.Parse(records.GetRawText()) is not JsonArray array || array.Count == 0) return records;
        var codes = lesions.Codes.ToList();
        var at = array.Select(l => codes.IndexOf(Level(l, lesions) ?? "")).ToList();
        if (at.Any(i => i < 0)) return records;
        var perLevel = new double[codes.Count];
        foreach (var r in lesions.Regions)
            for (var i = r.FromIndex; i <= r.ToIndex; i++) perLevel[i] = r.Weight / (r.ToIndex - r.FromIndex + 1);
        var sites = Sites(at);
        for (var t = 0; t < Tries; t++)
        {
            if (Place(sites, perLevel, random) is not { } moved) continue;
            for (var i = 0; i < array.Count; i++)
                array[i]![lesions.Level] = codes[moved[at[i]]];
            return JsonSerializer.SerializeToElement(array);
        }
        return records;
    }

    /// <summary>Runs of adjacent involved levels, head to tail: (first level, length).</summary>
    private static List<(int First, int Length)> Sites(IEnumerable<int> levels)
    {
        var sites = new List<(int First, int Length)>();
        foreach (var level in levels.Distinct().Order())
        {
            if (sites.Count > 0 && sites[^1].First + sites[^1].Length == level) sites[^1] = (sites[^1].First, sites[^1].Length + 1);
            else sites.Add((level, 1));
        }
        return sites;
    }

    /// <summary>Where each old level goes, or null when a site found no free place.</summary>
    private static Dictionary<int, int>? Place(List<(int First, int Length)> sites, double[] perLevel, Random random)
    {
        var taken = new bool[perLevel.Length];
        var moved = new Dictionary<int, int>();
        foreach (var (first, length) in sites)
        {
            var places = Enumerable.Range(0, perLevel.Length - length + 1)
                .Where(p => Enumerable.Range(Math.Max(0, p - 1), Math.Min(perLevel.Length, p + length + 1) - Math.Max(0, p - 1)).All(i => !taken[i]))
                .Select(p => (Start: p, Weight: Math.Exp(Enumerable.Range(p, length).Average(i => Math.Log(perLevel[i])))))
                .Where(p => p.Weight > 0).ToList();
            if (places.Count == 0) return null;
            var start = Weighted.Pick(places, p => p.Weight, random).Start;
            for (var k = 0; k < length; k++)
            {
                taken[start + k] = true;
                moved[first + k] = start + k;
            }
        }
        return moved;
    }

    public static IReadOnlyList<string> Treated(JsonElement records, LesionDistribution lesions)
    {
        if (records.ValueKind != JsonValueKind.Array) return [];
        var all = records.EnumerateArray().Select(l => (Level: l.ValueKind == JsonValueKind.Object && l.TryGetProperty(lesions.Level, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null,
            Treated: lesions.Treated is null || (l.ValueKind == JsonValueKind.Object && l.TryGetProperty(lesions.Treated, out var t) && t.ValueKind == JsonValueKind.True)))
            .Where(l => l.Level is not null).ToList();
        var treated = all.Where(l => l.Treated).ToList();
        return [.. (treated.Count > 0 ? treated : all).Select(l => l.Level!).Distinct()];
    }

    private static string? Level(JsonNode? lesion, LesionDistribution lesions) =>
        lesion is JsonObject o && o[lesions.Level] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
