using System.Text.Json;
using ProtocolEngine.Tests.Records.Support;

namespace ProtocolEngine.Tests.Records;

/// <summary>`treatment stop`, `status set` and `diary add` from the command line: JSON results, refusals exit 2 naming the field, nothing written.</summary>
public class CliFollowUpTests
{
    private static (CliHarness H, string Id) Randomized()
    {
        var h = new CliHarness();
        h.Ok("init");
        var id = JsonDocument.Parse(h.Ok("participant", "add", "--site", "mch", "--initials", "AB", "--birth-year", "1961", "--sex", "female",
            "--consent-date", "2026-09-07", "--format", "json")).RootElement.GetProperty("id").GetString()!;
        var data = h.WriteJson("screen.json", new
        {
            variables = new { age = 64, ecog = 1, primary_tumour = "lung", vertebral_metastases = 2, worst_pain = 7, cord_compression = false },
            criteria = new Dictionary<string, bool> { ["I1"] = true, ["I2"] = true, ["I3"] = true, ["E1"] = false, ["E5"] = false },
        });
        h.Ok("screen", "--participant", id, "--data", data);
        h.Ok("randomize", "--participant", id);
        return (h, id);
    }

    [Fact]
    public void A_stop_ends_the_course_on_its_last_fraction_and_later_fractions_exit_2()
    {
        var (h, id) = Randomized();
        using var _ = h;
        h.Clock.SetDate(new DateOnly(2026, 9, 9));
        h.Ok("fraction", "record", "--participant", id, "--date", "2026-09-07");
        h.Ok("fraction", "record", "--participant", id, "--date", "2026-09-08");
        var json = JsonDocument.Parse(h.Ok("treatment", "stop", "--participant", id, "--date", "2026-09-09", "--reason", "toxicity", "--note", "grade 3 esophagitis", "--format", "json")).RootElement;
        Assert.Equal(("toxicity", "2026-09-08", 2), (json.GetProperty("stop").GetProperty("reason").GetString(),
            json.GetProperty("course").GetProperty("end").GetString(), json.GetProperty("course").GetProperty("delivered").GetInt32()));
        Assert.Contains("stopped on 2026-09-09 (toxicity)", h.Ok("treatment", "show", "--participant", id));
        h.Clock.SetDate(new DateOnly(2026, 9, 10));
        Assert.Contains("was stopped on 2026-09-09 (toxicity); fractions after the stop are refused", h.Refused("fraction", "record", "--participant", id, "--date", "2026-09-10"));
        Assert.Contains("--reason", h.Refused("treatment", "stop", "--participant", id, "--date", "2026-09-09", "--reason", "boredom"));
    }

    [Fact]
    public void Status_set_records_a_death_and_a_correction_needs_a_reason()
    {
        var (h, id) = Randomized();
        using var _ = h;
        h.Clock.SetDate(new DateOnly(2026, 10, 1));
        Assert.Contains("died on 2026-09-20 (disease)", h.Ok("status", "set", "--participant", id, "--status", "died", "--date", "2026-09-20", "--cause", "disease"));
        Assert.Contains("after the death", h.Refused("assess", "--participant", id, "--visit", "baseline", "--date", "2026-09-21", "--pain", "3"));
        Assert.Contains("needs a reason", h.Refused("status", "set", "--participant", id, "--status", "alive", "--date", "2026-09-30"));
        var visits = JsonDocument.Parse(h.Ok("visits", "list", "--participant", id, "--format", "json")).RootElement;
        Assert.Contains(visits.EnumerateArray(), v => v.GetProperty("status").GetString() == "not-expected");
        var alive = JsonDocument.Parse(h.Ok("status", "set", "--participant", id, "--status", "alive", "--date", "2026-09-30", "--reason", "wrong patient", "--format", "json")).RootElement;
        Assert.Equal(("alive", "2026-09-30"), (alive.GetProperty("status").GetString(), alive.GetProperty("last_contact").GetString()));
    }

    [Fact]
    public void Diary_add_is_refused_without_a_diary_in_the_protocol_and_bad_analgesics_name_the_option()
    {
        var (h, id) = Randomized();
        using var _ = h;
        Assert.Contains("no diary section", h.Refused("diary", "add", "--participant", id, "--date", "2026-09-07", "--pain", "5"));
        Assert.Contains("--analgesic: 'oxycodone' must be DRUG=AMOUNT", h.Refused("diary", "add", "--participant", id, "--date", "2026-09-07", "--pain", "5", "--analgesic", "oxycodone"));
    }

    [Fact]
    public void A_date_years_away_is_refused_as_a_typing_mistake_not_an_internal_error()
    {
        var (h, id) = Randomized();
        using var _ = h;
        Assert.Contains("outside the years 1900-2199", h.Refused("visits", "list", "--participant", id, "--date", "9999-12-30"));
        Assert.Contains("outside the years 1900-2199", h.Refused("visits", "due", "--date", "0001-01-01"));
    }
}
