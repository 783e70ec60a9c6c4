using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Scheduling;

/// <summary>
/// Treatment dates for a fractionation: the protocol's treatment weekdays and the site's make-up
/// working days, skipping the site's holidays.
/// </summary>
public static class FractionCalendar
{
    /// <summary>
    /// True on a treatment weekday or a make-up working day (a Saturday worked in exchange for a
    /// holiday, say), unless the site has a holiday on that date.
    /// </summary>
    public static bool IsTreatmentDay(DateOnly date, Fractionation f, Site site) =>
        !site.Holidays.Contains(date) && (f.TreatmentDays.Contains(date.DayOfWeek) || site.WorkingDays.Contains(date));

    /// <summary>The next <paramref name="count"/> fraction slots on or after <paramref name="from"/>, <paramref name="usedOnFirstDay"/> slots of that day already taken.</summary>
    public static IReadOnlyList<DateOnly> Plan(DateOnly from, int count, Fractionation f, Site site, int usedOnFirstDay = 0)
    {
        if (f.TreatmentDays.Count == 0) throw new InvalidOperationException("The fractionation has no treatment days.");
        var dates = new List<DateOnly>(count);
        var day = from;
        var used = usedOnFirstDay;
        while (dates.Count < count)
        {
            if (IsTreatmentDay(day, f, site))
                for (; used < f.FractionsPerDay && dates.Count < count; used++) dates.Add(day);
            day = day.AddDays(1);
            used = 0;
        }
        return dates;
    }
}
