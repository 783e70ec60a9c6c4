namespace ProtocolEngine.Benchmarks;

/// <summary>The seed protocol's spine.csx, hand-written for the peer implementations.</summary>
public static class BenchSpine
{
    private static readonly List<string> Levels =
    [
        "C1", "C2", "C3", "C4", "C5", "C6", "C7", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12",
        "L1", "L2", "L3", "L4", "L5", "S1", "S2", "S3", "S4", "S5",
    ];

    public static int CountDiscontinuous(IReadOnlyList<BenchMetastasis> metastases)
    {
        var involved = 0L;
        for (var i = 0; i < metastases.Count; i++)
        {
            var level = Levels.IndexOf(metastases[i].level);
            if (level < 0)
                throw new ArgumentException($"'{metastases[i].level}' is not a vertebral level");
            involved |= 1L << level;
        }
        var sites = 0;
        for (var level = 0; level < Levels.Count; level++)
        {
            if ((involved >> level & 1) == 1 && (level == 0 || (involved >> (level - 1) & 1) == 0))
                sites++;
        }
        return sites;
    }

    public static int CompletedMonths(DateOnly from, DateOnly to)
    {
        var months = (to.Year - from.Year) * 12 + to.Month - from.Month;
        if (from.AddMonths(months) > to)
            months--;
        return months;
    }

    public static bool IsHaematological(string primaryTumour) => primaryTumour is "multiple-myeloma" or "lymphoma" or "leukaemia";

    public static int DaysBetween(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;
}
