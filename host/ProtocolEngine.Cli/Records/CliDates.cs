using System.Globalization;

namespace ProtocolEngine.Cli.Records;

/// <summary>Parses yyyy-MM-dd dates given on the command line, naming the option when refusing one.</summary>
public static class CliDates
{
    public static DateOnly? Parse(string? text, string option)
    {
        if (text is null) return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : throw new CliInputException($"{option}: '{text}' is not a date (yyyy-MM-dd).");
    }

    public static DateOnly Required(string? text, string option) =>
        Parse(text, option) ?? throw new CliInputException($"{option} is required.");
}
