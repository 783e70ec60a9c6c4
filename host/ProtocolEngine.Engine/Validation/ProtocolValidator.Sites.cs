using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Validation;

public sealed partial class ProtocolValidator
{
    private static void CheckSites(Run run)
    {
        var protocol = run.Protocol;
        run.Unique(protocol.Sites, s => s.Id, "site");
        if (protocol.Sites.Count == 0 && run.Bound(protocol, nameof(Protocol.Sites)))
            run.Error(DiagnosticCodes.EmptySection, protocol, nameof(Protocol.Sites), "'sites' is empty; name at least one site (id and name).");
        foreach (var site in protocol.Sites)
        {
            CheckTimeZone(run, site);
            WarnTwice(run, site, site.Holidays, "holiday");
            WarnTwice(run, site, site.WorkingDays, "working day");
            if (run.Clean(site))
                CheckWorkingDays(run, site);
        }
    }

    /// <summary>
    /// A make-up working day is a day outside the treatment weekdays on which the site treats: one
    /// that is also a holiday contradicts itself, one on a treatment weekday changes nothing.
    /// </summary>
    private static void CheckWorkingDays(Run run, Site site)
    {
        var holidays = site.Holidays.ToHashSet();
        var f = run.Protocol.Fractionation;
        var weekdays = f is not null && run.Clean(f) ? f.TreatmentDays : [];
        for (var i = 0; i < site.WorkingDays.Count; i++)
        {
            var day = site.WorkingDays[i];
            if (holidays.Contains(day))
                run.Error(DiagnosticCodes.SiteCalendar, site.WorkingDays, $"[{i}]",
                    $"{day:yyyy-MM-dd} is both a holiday and a working day of site '{site.Id}'; a day is either off or worked: remove it from holidays or from working_days.");
            else if (weekdays.Contains(day.DayOfWeek))
                run.Error(DiagnosticCodes.SiteCalendar, site.WorkingDays, $"[{i}]",
                    $"working day {day:yyyy-MM-dd} of site '{site.Id}' is a {Loading.Naming.EnumValue(day.DayOfWeek)}, already a treatment day, so listing it changes nothing; working_days are make-up days outside treatment_days (a weekend worked in exchange for a holiday): remove it or correct the date.");
        }
    }

    /// <summary>A site's time zone is an IANA id the runtime's tz data has; a site without one has the UTC date, said once.</summary>
    private static void CheckTimeZone(Run run, Site site)
    {
        if (site.TimeZone is not { } id)
        {
            if (run.Bound(site, nameof(Site.Id)))
                run.Warning(DiagnosticCodes.SiteWithoutTimeZone, site, nameof(Site.Id),
                    $"site '{site.Id}' has no time_zone, so its 'today' is the UTC date (a fraction given early in the morning east of UTC would be 'in the future'); add e.g. time_zone: Asia/Shanghai (an IANA id).");
            return;
        }
        if (!run.Bound(site, nameof(Site.TimeZone)) || Scheduling.SiteTimeZones.Find(id) is not null) return;
        var close = Loading.Naming.Closest(id, Scheduling.SiteTimeZones.KnownIds);
        var windows = TimeZoneInfo.TryConvertWindowsIdToIanaId(id, out var iana) ? iana : null;
        var hint = windows is not null ? $"that is a Windows zone name; write its IANA id '{windows}'."
            : close is not null ? $"did you mean '{close}'?"
            : "write an IANA id, Area/City as in the tz database (e.g. Asia/Shanghai, Europe/Berlin, America/New_York, UTC).";
        run.Error(DiagnosticCodes.SiteTimeZone, site, nameof(Site.TimeZone), $"'{id}' is not a time zone (IANA id) of site '{site.Id}'; {hint}");
    }

    private static void WarnTwice(Run run, Site site, IReadOnlyList<DateOnly> days, string what)
    {
        var seen = new HashSet<DateOnly>();
        for (var i = 0; i < days.Count; i++)
        {
            if (!seen.Add(days[i]))
                run.Warning(DiagnosticCodes.DuplicateId, days, $"[{i}]", $"{what} {days[i]:yyyy-MM-dd} of site '{site.Id}' is listed twice.");
        }
    }
}
