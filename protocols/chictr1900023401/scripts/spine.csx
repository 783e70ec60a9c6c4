// Helpers for the seed trial's rules. Everything here is a pure static function of its arguments;
// the rules in protocol.yaml call them as Spine.Name(...). CodeLists.vertebral_level is the
// protocol's ordered list of levels (C1 ... S5).
static class Spine
{
    /// <summary>
    /// Sites of disease: metastases on adjacent levels (T11 and T12, say) form one site; a gap of
    /// at least one uninvolved level starts a new one. No metastases gives 0.
    /// </summary>
    public static int CountDiscontinuous(IReadOnlyList<Metastasis> metastases)
    {
        var involved = Involved(metastases);
        // A site starts at each involved level whose upper neighbour is not involved.
        var sites = 0;
        for (var level = 0; level < CodeLists.vertebral_level.Count; level++)
        {
            if ((involved >> level & 1) == 1 && (level == 0 || (involved >> (level - 1) & 1) == 0))
                sites++;
        }
        return sites;
    }

    /// <summary>
    /// The number of adjacent involved levels in the longest site (T10, T11, T12 and L3 give 3).
    /// No metastases gives 0.
    /// </summary>
    public static int LongestRun(IReadOnlyList<Metastasis> metastases)
    {
        var involved = Involved(metastases);
        var longest = 0;
        var run = 0;
        for (var level = 0; level < CodeLists.vertebral_level.Count; level++)
        {
            run = (involved >> level & 1) == 1 ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }

    /// <summary>One bit per involved level, head to tail (the list has 29 levels; a long holds 64).</summary>
    private static long Involved(IReadOnlyList<Metastasis> metastases)
    {
        var levels = CodeLists.vertebral_level;
        var involved = 0L;
        for (var i = 0; i < metastases.Count; i++)
        {
            var level = levels.IndexOf(metastases[i].level);
            if (level < 0)
                throw new ArgumentException($"'{metastases[i].level}' is not a vertebral level");
            involved |= 1L << level;
        }
        return involved;
    }

    /// <summary>Whole calendar months from one date to a later one (2021-01-15 to 2021-02-14 is 0, to 2021-02-15 is 1).</summary>
    public static int CompletedMonths(DateOnly from, DateOnly to)
    {
        var months = (to.Year - from.Year) * 12 + to.Month - from.Month;
        if (from.AddMonths(months) > to)
            months--;
        return months;
    }

    public static bool IsHaematological(string primaryTumour) =>
        primaryTumour is "multiple-myeloma" or "lymphoma" or "leukaemia";
}
