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
        var levels = metastases
            .Select(m => CodeLists.vertebral_level.IndexOf(m.level))
            .Distinct()
            .OrderBy(i => i)
            .ToList();
        var sites = 0;
        for (var i = 0; i < levels.Count; i++)
        {
            if (i == 0 || levels[i] != levels[i - 1] + 1)
                sites++;
        }
        return sites;
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
