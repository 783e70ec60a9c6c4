using ProtocolEngine.Cli;
using ProtocolEngine.Cli.Records;

namespace ProtocolEngine.Tests.Cli.Records;

/// <summary>Dates on the command line are ISO 8601 only; anything else is refused with what to write.</summary>
public class CliDatesTests
{
    [Fact]
    public void Reads_iso_dates() => Assert.Equal(new DateOnly(2026, 2, 3), CliDates.Parse("2026-02-03", "--date"));

    [Theory]
    [InlineData("02/12/2026", "is ambiguous (day first: 2026-12-02; month first: 2026-02-12)")]
    [InlineData("2026-2-3", "write 2026-02-03")]
    [InlineData("12.02.2026", "write 2026-02-12")]
    [InlineData("2026/02/12", "write 2026-02-12")]
    [InlineData("25/12/2026", "write 2026-12-25")]
    [InlineData("2026-02-30", "is not a day of the calendar")]
    [InlineData("2026-02-12T10:00", "has a time; this option takes a date only")]
    [InlineData("tomorrow", "is not a date")]
    public void Refuses_every_other_form_naming_the_option_and_the_iso_form(string text, string expected)
    {
        var ex = Assert.Throws<CliInputException>(() => CliDates.Parse(text, "--date"));
        Assert.StartsWith($"--date: '{text}'", ex.Message);
        Assert.Contains(expected, ex.Message);
        Assert.Contains("yyyy-MM-dd", ex.Message);
    }
}
