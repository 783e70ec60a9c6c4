using System.Text.Json;
using ProtocolEngine.Tests.Records.Support;

namespace ProtocolEngine.Tests.Cli;

/// <summary>A 30-participant demo database of the seed protocol, made once for the report command's tests.</summary>
public sealed class ReportDemoDatabase : IDisposable
{
    public CliHarness Harness { get; } = CliHarness.ForSeedProtocol();

    public ReportDemoDatabase()
    {
        Harness.Clock.SetDate(new DateOnly(2027, 6, 1));
        Harness.Ok("demo", "--participants", "30", "--seed", "11");
    }

    public void Dispose() => Harness.Dispose();
}

/// <summary>`report` in every format on a demo database, and its refusals.</summary>
public sealed class ReportCommandTests(ReportDemoDatabase db) : IClassFixture<ReportDemoDatabase>
{
    private readonly CliHarness _h = db.Harness;

    private static int I(JsonElement e, string p) => e.GetProperty(p).GetInt32();

    [Fact]
    public void Json_holds_every_number_in_snake_case_and_agrees_with_the_endpoints_command()
    {
        var report = JsonDocument.Parse(_h.Ok("report", "--format", "json")).RootElement;
        var consort = report.GetProperty("consort");
        var arms = consort.GetProperty("arms").EnumerateArray().ToList();
        Assert.Equal(I(consort, "randomized"), arms.Sum(a => I(a, "randomized")));
        Assert.Equal(I(consort, "screened"), I(consort, "ineligible") + I(consort, "screening_incomplete") + I(consort, "eligible_not_randomized") + I(consort, "randomized"));
        foreach (var a in arms)
            Assert.Equal(I(a, "randomized"), I(a, "treated") + I(a, "not_treated"));
        var endpoints = JsonDocument.Parse(_h.Ok("endpoints", "--format", "json")).RootElement.GetProperty("rows").EnumerateArray().ToList();
        var primary = report.GetProperty("primary");
        foreach (var set in primary.GetProperty("sets").EnumerateArray())
            foreach (var visit in set.GetProperty("visits").EnumerateArray())
                foreach (var side in new[] { "experimental", "control" })
                {
                    var rate = visit.GetProperty(side);
                    var row = endpoints.Single(r => r.GetProperty("set").GetString() == set.GetProperty("set").GetString()
                        && r.GetProperty("visit").GetString() == visit.GetProperty("visit").GetString()
                        && I(r, "occurrence") == I(visit, "occurrence") && r.GetProperty("arm").GetString() == rate.GetProperty("arm").GetString());
                    Assert.Equal((I(row, "responders"), I(row, "denominator")), (I(rate, "responders"), I(rate, "denominator")));
                }
        var main = primary.GetProperty("sets").EnumerateArray().SelectMany(s => s.GetProperty("visits").EnumerateArray()).First(v => v.GetProperty("is_time_point").GetBoolean());
        Assert.Contains(main.GetProperty("conclusion").GetString(), new[] { "non-inferior", "not-shown", "not-estimable" });
        foreach (var key in new[] { "adverse_events", "flares", "mean_worst_pain", "methods", "arms" })
            Assert.True(report.TryGetProperty(key, out _), key);
        Assert.True(report.GetProperty("adverse_events").GetProperty("rows")[0].GetProperty("any").GetBoolean());
    }

    [Fact]
    public void Html_holds_the_consort_figure_the_tables_and_the_chart_as_svg()
    {
        var html = _h.Ok("report", "--format", "html");
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"consort\" viewBox", html, StringComparison.Ordinal);
        Assert.Contains("Assessed for eligibility (n", html, StringComparison.Ordinal);
        Assert.Contains("Randomized (n", html, StringComparison.Ordinal);
        Assert.Contains("Allocated to Partial vertebra", html, StringComparison.Ordinal);
        foreach (var caption in new[] { "Figure 1.", "Table 1.", "Table 2.", "Table 3.", "Figure 2." })
            Assert.Contains(caption, html, StringComparison.Ordinal);
        // The CONSORT figure and ScottPlot's chart: two inline SVG documents.
        Assert.Equal(2, html.Split("<svg", StringSplitOptions.None).Length - 1);
        Assert.DoesNotContain("NaN", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_under_no_color_draws_the_chart_in_plain_characters()
    {
        _h.Env["NO_COLOR"] = "1";
        try
        {
            var text = _h.Ok("report");
            Assert.DoesNotContain('\u001b', text);
            Assert.Contains("worst pain (mean, NRS 0-10)", text, StringComparison.Ordinal);
            Assert.Contains("    +---", text, StringComparison.Ordinal);
            Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
        }
        finally
        {
            _h.Env.Remove("NO_COLOR");
        }
    }

    [Fact]
    public void Markdown_gives_the_sections_as_tables()
    {
        var md = _h.Ok("report", "--format", "md");
        Assert.Contains("## Participant flow (CONSORT)", md, StringComparison.Ordinal);
        Assert.Contains("## Primary endpoint", md, StringComparison.Ordinal);
        Assert.Contains("| visit | isrc | whole | difference (pp) | FM p | conclusion |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_writes_the_whole_file_and_says_where()
    {
        var file = Path.Combine(_h.Dir, "r.html");
        var (code, o, e) = _h.Run("report", "--format", "html", "--out", file);
        Assert.Equal(0, code);
        Assert.Equal("", o);
        Assert.Contains(file, e, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/proc/report.html")]
    [InlineData("no-such-folder/report.html")]
    [InlineData(".")]
    public void Out_to_a_path_that_cannot_be_written_is_refused_and_leaves_nothing(string target)
    {
        var path = Path.IsPathRooted(target) ? target : Path.Combine(_h.Dir, target);
        var before = Directory.GetFiles(_h.Dir, "*", SearchOption.AllDirectories).Length;
        var err = _h.Refused("report", "--format", "html", "--out", path);
        Assert.Contains("--out:", err, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
        Assert.Equal(before, Directory.GetFiles(_h.Dir, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void An_unknown_format_is_refused()
    {
        var err = _h.Refused("report", "--format", "pdf");
        Assert.Contains("--format", err, StringComparison.Ordinal);
    }
}

/// <summary>`report` on a database without participants and on one with two: every format still reads, nothing is NaN.</summary>
public sealed class ReportCommandSmallTrialTests : IDisposable
{
    private readonly CliHarness _h = CliHarness.ForSeedProtocol();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void An_empty_database_reports_zeros_and_not_estimable()
    {
        _h.Ok("init");
        var text = _h.Ok("report");
        Assert.Contains("Randomized 0", text, StringComparison.Ordinal);
        Assert.Contains("No participant randomized yet.", text, StringComparison.Ordinal);
        Assert.Contains("(no pain assessments yet: nothing to chart)", text, StringComparison.Ordinal);
        foreach (var format in new[] { "text", "json", "md", "html" })
            Assert.DoesNotContain("NaN", _h.Ok("report", "--format", format), StringComparison.Ordinal);
        var flares = JsonDocument.Parse(_h.Ok("report", "--format", "json")).RootElement.GetProperty("flares").EnumerateArray().ToList();
        Assert.All(flares, f => Assert.Equal(0, f.GetProperty("assessed").GetInt32()));
        Assert.Contains("0 (not estimable)", text, StringComparison.Ordinal); // flare rate with no diary
    }

    [Fact]
    public void A_two_participant_trial_reports_in_every_format()
    {
        _h.Clock.SetDate(new DateOnly(2027, 6, 1));
        _h.Ok("demo", "--participants", "2", "--seed", "3");
        foreach (var format in new[] { "text", "json", "md", "html" })
            Assert.DoesNotContain("NaN", _h.Ok("report", "--format", format), StringComparison.Ordinal);
        var consort = JsonDocument.Parse(_h.Ok("report", "--format", "json")).RootElement.GetProperty("consort");
        Assert.Equal(2, consort.GetProperty("registered").GetInt32());
    }
}
