using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Cli.Records;

/// <summary>
/// The real program under a German and a French locale (LANG, LC_ALL, with the runtime's culture data switched on):
/// the same input means the same, and the output is the same, as under the C locale.
/// </summary>
public class CultureProcessTests
{
    private static Dictionary<string, string> Locale(string name) => new()
    {
        ["LANG"] = name, ["LC_ALL"] = name, ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = name == "C.UTF-8" ? "1" : "0",
    };

    [Fact]
    public void A_decimal_comma_is_refused_and_output_matches_under_every_locale()
    {
        var c = CliProcess.Run(Locale("C.UTF-8"), "dose", "--total-gy", "30", "--fractions", "10", "--alpha-beta", "2.5", "--format", "json");
        Assert.Equal(0, c.Code);
        Assert.Contains("36.666666667", c.Out);
        foreach (var locale in new[] { "de_DE.UTF-8", "fr_FR.UTF-8" })
        {
            var same = CliProcess.Run(Locale(locale), "dose", "--total-gy", "30", "--fractions", "10", "--alpha-beta", "2.5", "--format", "json");
            Assert.Equal((c.Code, c.Out), (same.Code, same.Out));
            var comma = CliProcess.Run(Locale(locale), "dose", "--total-gy", "30", "--fractions", "10", "--alpha-beta", "2,5");
            Assert.Equal(2, comma.Code);
            Assert.Contains("--alpha-beta: '2,5' is not a number; use a decimal point: 2.5", comma.Err);
            Assert.Equal("", comma.Out);
        }
    }
}
