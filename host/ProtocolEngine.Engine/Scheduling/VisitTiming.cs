using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Scheduling;

/// <summary>
/// Nominal timing of a visit in days from its anchor, for checks that do not know the calendar.
/// A month counts as 30 days here; real target dates come from calendar months (Records/Scheduling/VisitPlanner).
/// </summary>
public static class VisitTiming
{
    public const int DaysPerMonth = 30;

    /// <summary>The shortest calendar month, for "can two windows overlap" questions.</summary>
    public const int MinDaysPerMonth = 28;

    public static int NominalDays(Visit visit) =>
        visit.Days ?? (visit.Weeks * 7) ?? (visit.Months * DaysPerMonth) ?? 0;

    public static (int Start, int End) WindowDays(Visit visit)
    {
        var nominal = NominalDays(visit);
        return (nominal - visit.Window.BeforeDays, nominal + visit.Window.AfterDays);
    }
}
