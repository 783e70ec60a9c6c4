using System.Globalization;

namespace ProtocolEngine.Cli.Records;

/// <summary>Parses yyyy-MM-dd dates given on the command line, naming the option when refusing one.</summary>
public static class CliDates
{
    public const int FirstYear = 1900, LastYear = 2199;

    public static DateOnly? Parse(string? text, string option)
    {
        if (text is null) return null;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            throw new CliInputException($"{option}: '{text}' is not a date (yyyy-MM-dd).");
        // Far dates are typing mistakes, and schedules computed from them would run off the calendar.
        if (d.Year is < FirstYear or > LastYear)
            throw new CliInputException($"{option}: {text} is outside the years {FirstYear}-{LastYear} this program accepts; check the year.");
        return d;
    }

    public static DateOnly Required(string? text, string option) =>
        Parse(text, option) ?? throw new CliInputException($"{option} is required.");
}
