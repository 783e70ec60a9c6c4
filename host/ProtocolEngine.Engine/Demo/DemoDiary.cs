namespace ProtocolEngine.Engine.Demo;

/// <summary>
/// A participant's daily diary from the first fraction to some days after the last: most days
/// filled in, and in about a third of participants a pain flare (Hird et al. 2009): worst pain 2 or
/// more points over baseline with no fewer analgesics (or, when pain is already near the top of the
/// scale, 25% or more analgesics with no less pain), for a few days early in the course, then back
/// to baseline. Outside a flare pain stays below baseline + 2 and analgesics at baseline, so no
/// other day reads as a flare; a responder's pain drifts down towards the end.
/// </summary>
internal static class DemoDiary
{
    public const double FlareRate = 0.35;
    public const double FilledRate = 0.9;

    public static IReadOnlyList<(DateOnly Date, int Pain, double Dose)> Entries(DemoPain pain, DateOnly first, DateOnly last, Random random)
    {
        var days = last.DayNumber - first.DayNumber + 1;
        var flare = random.NextDouble() < FlareRate;
        var (flareStart, flareDays) = (random.Next(0, Math.Min(5, days)), random.Next(1, 5));
        var drop = pain.Responder ? random.Next(1, Math.Min(2, pain.Baseline) + 1) : 0;
        var byPain = pain.Baseline <= 8;
        var result = new List<(DateOnly, int, double)>();
        for (var d = 0; d < days; d++)
        {
            if (random.NextDouble() >= FilledRate) continue;
            var inFlare = flare && d >= flareStart && d < flareStart + flareDays;
            var worst = Math.Clamp(pain.Baseline - (int)Math.Round(drop * (double)d / Math.Max(1, days - 1)) + random.Next(-1, 2), 0, Math.Min(10, pain.Baseline + 1));
            var dose = pain.Dose;
            if (inFlare && byPain) worst = Math.Min(10, pain.Baseline + 2 + random.Next(0, 2));
            else if (inFlare && pain.Drug is not null) (worst, dose) = (pain.Baseline, Math.Round(pain.Dose * (1.25 + 0.25 * random.Next(0, 2)), 1));
            result.Add((first.AddDays(d), worst, dose));
        }
        return result;
    }
}
