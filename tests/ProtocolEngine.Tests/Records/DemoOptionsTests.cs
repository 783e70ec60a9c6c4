using System.Text.Json;
using ProtocolEngine.Tests.Records.Support;
using static ProtocolEngine.Tests.Records.Support.DemoTrial;

namespace ProtocolEngine.Tests.Records;

/// <summary>The demo command's options: response rates per arm role, the population file, and output without a terminal.</summary>
public class DemoOptionsTests
{
    [Fact]
    public void Response_rates_decide_who_responds_in_the_experimental_and_the_control_arm()
    {
        using var h = CliHarness.ForSeedProtocol();
        h.Clock.SetDate(Today);
        h.Ok("demo", "--participants", "30", "--seed", "3", "--response-rates", "1,0", "--format", "json");
        var file = Path.Combine(h.Dir, "export.json");
        h.Ok("export", "--format", "json", "--out", file);
        var export = JsonDocument.Parse(File.ReadAllText(file)).RootElement;
        var role = new Dictionary<string, string> { ["isrc"] = "experimental", ["whole"] = "control" };
        var arm = export.GetProperty("randomizations").EnumerateArray().ToDictionary(r => Text(r, "participant_id"), r => role[Text(r, "arm_id")]);
        var assessments = export.GetProperty("assessments").EnumerateArray().ToList();
        var baseline = assessments.Where(a => Text(a, "visit_id") == "baseline")
            .ToDictionary(a => Text(a, "participant_id"), a => (Pain: a.GetProperty("worst_pain").GetInt32(), Omed: a.GetProperty("omed_mg").GetDouble()));
        // Chow et al. 2012: complete or partial response = pain 0, or down by 2 or more, or analgesics down by a quarter with no more pain; never with more analgesics.
        bool Responds(JsonElement a, (int Pain, double Omed) b)
        {
            var (pain, omed) = (a.GetProperty("worst_pain").GetInt32(), a.GetProperty("omed_mg").GetDouble());
            return omed <= b.Omed && (pain == 0 || pain <= b.Pain - 2 || (b.Omed > 0 && omed <= 0.75 * b.Omed && pain <= b.Pain));
        }
        var followUps = assessments.Where(a => Text(a, "visit_id") != "baseline" && baseline.ContainsKey(Text(a, "participant_id"))).ToList();
        Assert.Contains(followUps, a => arm[Text(a, "participant_id")] == "experimental");
        Assert.Contains(followUps, a => arm[Text(a, "participant_id")] == "control");
        Assert.All(followUps, a => Assert.Equal(arm[Text(a, "participant_id")] == "experimental", Responds(a, baseline[Text(a, "participant_id")])));
    }

    [Fact]
    public void A_demo_refused_for_its_administrator_leaves_no_database_behind()
    {
        using var h = CliHarness.ForSeedProtocol();
        h.Env["PROTOCOL_ENGINE_PASSWORD"] = "short";
        Assert.Contains("at least 8 characters", h.Refused("demo", "--seed", "1", "--participants", "5"));
        h.Env["PROTOCOL_ENGINE_PASSWORD"] = TrialFixture.Password;
        h.Env["PROTOCOL_ENGINE_USER"] = "Not A Valid Id";
        h.Refused("demo", "--seed", "1", "--participants", "5");
        Assert.False(Directory.Exists(Path.GetDirectoryName(h.DbPath)) && Directory.EnumerateFiles(Path.GetDirectoryName(h.DbPath)!).Any(),
            "a refused demo left files in " + Path.GetDirectoryName(h.DbPath));
    }

    [Theory]
    [InlineData("0,3")]
    [InlineData("0.3")]
    [InlineData("0.5,1.5")]
    [InlineData("0.6,-0.1")]
    [InlineData("high,low")]
    [InlineData("0.3;0.5")]
    public void Response_rates_are_two_probabilities_with_a_dot_for_decimals(string rates)
    {
        using var h = CliHarness.ForSeedProtocol();
        var error = h.Refused("demo", "--seed", "1", "--response-rates", rates);
        Assert.Contains($"--response-rates: '{rates}'", error);
        Assert.Contains("with a dot for decimals", error);
        Assert.False(File.Exists(h.DbPath));
    }

    [Fact]
    public void A_bad_population_file_is_refused_with_each_problem_at_its_line_and_column()
    {
        using var h = CliHarness.ForSeedProtocol();
        var bad = Path.Combine(h.Dir, "bad-population.yaml");
        File.WriteAllText(bad, """
            codes:
              - variable: primary_tumor
                values: [{code: lung, weight: 1}]
            lesions:
              variable: metastases
              level: level
              treated: sectors
              regions:
                - {name: thoracic, from: T12, to: T1, weight: 60}
            baseline_pian: worst_pain_nrs
            """);
        var error = h.Refused("demo", "--seed", "1", "--population", bad);
        Assert.Contains($"{bad}:2:15: error PE0202: 'primary_tumor' (codes) is not a variable of the protocol; variables that are single codes: sex, primary_tumour", error);
        Assert.Contains($"{bad}:7:12: error PE0104: 'sectors' (treated) is of type integer (many) in metastases; treated needs a boolean field.", error);
        Assert.Contains($"{bad}:9:39: error PE0106: region thoracic runs from T12 to T1, backwards", error);
        Assert.Contains($"{bad}:10:1: error PE0102: unknown key 'baseline_pian'", error);
        Assert.Contains("invalid demo population (4 errors); fix it or pass another file with --population.", error);
        Assert.False(File.Exists(h.DbPath));
    }

    [Fact]
    public void Without_a_population_file_the_demo_draws_values_evenly_and_says_so_by_naming_none()
    {
        using var h = CliHarness.ForSeedProtocol();
        h.Clock.SetDate(Today);
        var population = Path.Combine(h.Dir, "protocols", "chictr1900023401", "demo-population.yaml");
        Assert.True(File.Exists(population));
        var text = h.Ok("demo", "--participants", "8", "--seed", "5");
        Assert.Contains($"population from {population}.", text);
        Assert.DoesNotContain('\u001b', text); // ordinal: with culture data (ICU), a culture-aware search ignores control characters

        File.Delete(population);
        h.Env["PROTOCOL_ENGINE_DB"] = Path.Combine(h.Dir, "generic.db");
        var generic = h.Ok("demo", "--participants", "8", "--seed", "5");
        Assert.Contains("8 registered", generic);
        Assert.DoesNotContain("population from", generic);
    }
}
