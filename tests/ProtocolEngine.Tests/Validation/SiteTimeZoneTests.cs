using ProtocolEngine.Cli;
using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Tests.Records.Support;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Validation;

/// <summary>A site's time_zone is an IANA id, checked at load with its location and a did-you-mean.</summary>
public class SiteTimeZoneTests
{
    private static IReadOnlyList<Diagnostic> Validate(string timeZoneLine)
    {
        using var temp = new TempDirectory();
        var text = File.ReadAllText(Path.Combine(RepoPaths.Corpus, "valid", "minimal.yaml"))
            .Replace("  - {id: site-a, name: Site A,\n     time_zone: Europe/Berlin}\n", "  - id: site-a\n    name: Site A\n" + timeZoneLine, StringComparison.Ordinal);
        Assert.Contains("site-a", text);
        var path = temp.File("p.yaml");
        File.WriteAllText(path, text);
        return Edges.Engine.Validation.Run(path).Diagnostics;
    }

    [Theory]
    [InlineData("Asia/Shangai", "did you mean 'Asia/Shanghai'?")]
    [InlineData("asia/shanghai", "did you mean 'Asia/Shanghai'?")]
    [InlineData("Mars/Olympus", "write an IANA id, Area/City as in the tz database")]
    [InlineData("+08:00", "write an IANA id")]
    public void An_unknown_zone_is_refused_at_its_place(string zone, string hint)
    {
        var d = Assert.Single(Validate($"    time_zone: {zone}\n"), x => x.IsError);
        Assert.Equal(DiagnosticCodes.SiteTimeZone, d.Code);
        Assert.Equal((17, 16), (d.Location.Line, d.Location.Column));
        Assert.Contains($"'{zone}' is not a time zone (IANA id) of site 'site-a'", d.Message);
        Assert.Contains(hint, d.Message);
    }

    [Theory]
    [InlineData("Asia/Shanghai")]
    [InlineData("America/Argentina/Buenos_Aires")]
    [InlineData("UTC")]
    public void Iana_zones_are_accepted(string zone) => Assert.Empty(Validate($"    time_zone: {zone}\n"));

    [Fact]
    public void A_site_without_a_zone_is_warned_about_once()
    {
        var d = Assert.Single(Validate(""));
        Assert.False(d.IsError);
        Assert.Equal(DiagnosticCodes.SiteWithoutTimeZone, d.Code);
        Assert.Contains("site 'site-a' has no time_zone, so its 'today' is the UTC date", d.Message);
    }

    [Fact]
    public void The_seed_trial_runs_in_shanghai() =>
        Assert.Equal(["Asia/Shanghai"], Edges.Engine.Loader.Load(RepoPaths.SeedProtocol).Document!.Protocol.Sites.Select(s => s.TimeZone).Distinct());

    [Fact]
    public void The_test_protocol_of_the_records_tests_gives_its_zone() =>
        Assert.All(TestProtocols.Spine().Sites, s => Assert.NotNull(s.TimeZone));
}
