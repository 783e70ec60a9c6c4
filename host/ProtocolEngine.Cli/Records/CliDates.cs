using System.Globalization;
using System.Text.RegularExpressions;

namespace ProtocolEngine.Cli.Records;

/// <summary>
/// Parses the dates given on the command line: ISO 8601 calendar dates (yyyy-MM-dd) only, the same on every machine.
/// Anything else (02/12/2026, 12.02.2026, 2026-2-3) is refused with what was probably meant and how to write it,
/// naming the option.
/// </summary>
public static partial class CliDates
{
    public const int FirstYear = 1900, LastYear = 2199;

    public static DateOnly? Parse(string? text, string option)
    {
        if (text is null) return null;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            throw new CliInputException($"{option}: {Problem(text.Trim())}");
        // Far dates are typing mistakes, and schedules computed from them would run off the calendar.
        if (d.Year is < FirstYear or > LastYear)
            throw new CliInputException($"{option}: {text} is outside the years {FirstYear}-{LastYear} this program accepts; check the year.");
        return d;
    }

    public static DateOnly Required(string? text, string option) =>
        Parse(text, option) ?? throw new CliInputException($"{option} is required.");

    /// <summary>Why <paramref name="text"/> is not an ISO date, with the ISO form of what it probably meant.</summary>
    public static string Problem(string text)
    {
        const string Rule = "dates are written yyyy-MM-dd (ISO 8601), e.g. 2026-02-12";
        if (IsoLoose().Match(text) is { Success: true } iso)
            return Valid(iso.Groups["y"].Value, iso.Groups["m"].Value, iso.Groups["d"].Value) is { } meant
                ? $"'{text}' is not written yyyy-MM-dd (two digits for the month and the day, hyphens between): write {meant}."
                : $"'{text}' is not a day of the calendar; {Rule}.";
        if (DayFirst().Match(text) is { Success: true } m)
        {
            var (a, b, y) = (m.Groups["a"].Value, m.Groups["b"].Value, m.Groups["y"].Value);
            var dayFirst = Valid(y, b, a);
            var monthFirst = Valid(y, a, b);
            if (m.Groups["sep"].Value == "." && dayFirst is not null)
                return $"'{text}' is not an ISO date; {Rule}: write {dayFirst}.";
            return (dayFirst, monthFirst) switch
            {
                ({ } x, { } z) when x != z => $"'{text}' is ambiguous (day first: {x}; month first: {z}); {Rule}.",
                ({ } x, _) => $"'{text}' is not an ISO date; {Rule}: write {x}.",
                (_, { } z) => $"'{text}' is not an ISO date; {Rule}: write {z}.",
                _ => $"'{text}' is not a date; {Rule}.",
            };
        }
        if (text.Contains('T') || text.Contains(' '))
            return $"'{text}' has a time; this option takes a date only: {Rule}.";
        return $"'{text}' is not a date; {Rule}.";
    }

    private static string? Valid(string y, string m, string d) =>
        int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
        && int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
        && month is >= 1 and <= 12 && year is >= 1 and <= 9999 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;

    [GeneratedRegex(@"^(?<y>\d{4})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})$")]
    private static partial Regex IsoLoose();

    [GeneratedRegex(@"^(?<a>\d{1,2})(?<sep>[/.\-])(?<b>\d{1,2})\k<sep>(?<y>\d{4})$")]
    private static partial Regex DayFirst();
}
