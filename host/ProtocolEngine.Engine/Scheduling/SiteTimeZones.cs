namespace ProtocolEngine.Engine.Scheduling;

/// <summary>
/// The sites' time zones, IANA ids resolved with the runtime's time-zone data (tzdata on Linux). "Today" at a site
/// is the date in its zone at the clock's instant; a site without a zone has the UTC date.
/// </summary>
public static class SiteTimeZones
{
    /// <summary>The zone of an exact IANA id (case and spelling as in the tz database), else null.</summary>
    public static TimeZoneInfo? Find(string id) =>
        id.Length > 0 && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId && string.Equals(zone.Id, id, StringComparison.Ordinal)
            ? zone
            : null;

    /// <summary>The IANA ids this machine knows, for did-you-mean hints.</summary>
    public static IReadOnlyList<string> KnownIds { get; } =
        [.. TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).Select(z => z.Id).Append("UTC").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The site's zone: its own, or UTC when it gives none or one this machine cannot resolve (the validator reports both).</summary>
    public static TimeZoneInfo Of(Model.Site site) => site.TimeZone is { } id && Find(id) is { } zone ? zone : TimeZoneInfo.Utc;

    /// <summary>The calendar date in <paramref name="zone"/> at <paramref name="instant"/>.</summary>
    public static DateOnly DateIn(TimeZoneInfo zone, DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
