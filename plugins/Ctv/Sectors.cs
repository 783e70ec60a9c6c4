namespace ProtocolEngine.Plugins.Ctv;

/// <summary>ISRC sector sets: 1 body, 2 left pedicle, 3 left transverse process and lamina, 4 spinous process, 5 right transverse process and lamina, 6 right pedicle.</summary>
internal static class Sectors
{
    public static IReadOnlyList<int> All { get; } = [1, 2, 3, 4, 5, 6];

    /// <summary>The involved sectors checked (1-6, at least one), ascending and distinct.</summary>
    public static SortedSet<int> Involved(IReadOnlyList<int> sectors)
    {
        if (sectors.Count == 0)
            throw new ArgumentException("InvolvedSectors: no sector is given; name the ISRC sectors (1-6) the GTV involves.");
        foreach (var s in sectors)
        {
            if (s is < 1 or > 6)
                throw new ArgumentException($"InvolvedSectors: {s} is not an ISRC sector; sectors are 1 (body) to 6 (right pedicle).");
        }
        return new SortedSet<int>(sectors);
    }

    /// <summary>The same sector on the other side: left pedicle 2 and right pedicle 6, left and right transverse process and lamina 3 and 5.</summary>
    public static int Mirror(int sector) => sector switch { 2 => 6, 6 => 2, 3 => 5, 5 => 3, _ => sector };

    public static string Text(IEnumerable<int> sectors) => sectors.Any() ? string.Join(", ", sectors.Order()) : "none";

    public static string EpiduralText(bool epidural) => epidural
        ? " The epidural disease is included in the CTV."
        : " No epidural CTV (no epidural disease).";
}
