using System.Text.Json;
using ProtocolEngine.Tests.Records.Support;

namespace ProtocolEngine.Tests.Cli;

/// <summary>`endpoints` on a small demo database of the seed protocol: every row adds up.</summary>
public sealed class EndpointsCommandTests : IDisposable
{
    private readonly CliHarness _h = CliHarness.ForSeedProtocol();

    public EndpointsCommandTests()
    {
        _h.Clock.SetDate(new DateOnly(2027, 6, 1));
        _h.Ok("demo", "--participants", "30", "--seed", "11");
    }

    public void Dispose() => _h.Dispose();

    private static int I(JsonElement e, string p) => e.GetProperty(p).GetInt32();

    [Fact]
    public void Counts_sum_to_denominators_and_every_randomized_participant_is_counted_once()
    {
        var report = JsonDocument.Parse(_h.Ok("endpoints", "--format", "json")).RootElement;
        var file = Path.Combine(_h.Dir, "export.json");
        _h.Ok("export", "--format", "json", "--out", file);
        var randomized = JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("randomizations").EnumerateArray()
            .GroupBy(r => r.GetProperty("arm_id").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.Equal(["itt", "pp"], rows.Select(r => r.GetProperty("set").GetString()).Distinct().Order());
        foreach (var r in rows)
        {
            var assessed = I(r, "complete_response") + I(r, "partial_response") + I(r, "indeterminate") + I(r, "progression");
            Assert.Equal(I(r, "complete_response") + I(r, "partial_response"), I(r, "responders"));
            Assert.Equal(assessed + I(r, "imputed_non_responders"), I(r, "denominator"));
            Assert.Equal(I(r, "died") + I(r, "lost_to_follow_up") + I(r, "withdrawn") + I(r, "missing_assessment"), I(r, "imputed_non_responders") + I(r, "excluded"));
            Assert.Equal(randomized[r.GetProperty("arm").GetString()!],
                assessed + I(r, "died") + I(r, "lost_to_follow_up") + I(r, "withdrawn") + I(r, "missing_assessment") + I(r, "pending") + I(r, "outside_population"));
            if (r.GetProperty("set").GetString() == "itt")
                Assert.Equal((0, 0), (I(r, "excluded"), I(r, "outside_population")));
            else
                Assert.Equal(0, I(r, "imputed_non_responders"));
        }
        Assert.Contains(rows, r => r.GetProperty("visit").GetString() == "month3" && I(r, "denominator") > 0);
        foreach (var f in report.GetProperty("flares").EnumerateArray())
            Assert.Equal(randomized[f.GetProperty("arm").GetString()!], I(f, "flares") + I(f, "progressions") + I(f, "no_flare") + I(f, "not_assessed"));
    }

    [Fact]
    public void Refuses_an_unknown_set_naming_the_sets()
    {
        var err = _h.Refused("endpoints", "--set", "mitt");
        Assert.Contains("itt, pp", err, StringComparison.Ordinal);
    }
}
