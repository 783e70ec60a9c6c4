using System.Text.Json;
using ProtocolEngine.Tests.Records.Support;
using static ProtocolEngine.Tests.Records.Support.DemoTrial;

namespace ProtocolEngine.Tests.Records;

/// <summary>The export of a demo trial on the seed protocol, checked from the export alone (and `visits list`).</summary>
public class DemoConsistencyTests(DemoTrial trial) : IClassFixture<DemoTrial>
{
    private const string Lesions = "metastases", Level = "level", Treated = "painful";

    private Dictionary<string, JsonElement> Screenings => trial.Records("screenings").ToDictionary(s => Text(s, "participant_id"));
    private Dictionary<string, JsonElement> Courses => trial.Records("courses").ToDictionary(c => Text(c, "participant_id"));
    private Dictionary<string, DateOnly> Deaths => trial.Records("vital_status").Where(v => Text(v, "status") == "died").ToDictionary(v => Text(v, "participant_id"), v => Date(v, "date"));
    private int Randomized => trial.Records("randomizations").Count();

    [Fact]
    public void Every_screening_agrees_with_the_registration_on_age_and_sex()
    {
        var participants = trial.Records("participants").ToDictionary(p => Text(p, "id"));
        Assert.Equal(Participants, participants.Count);
        foreach (var s in trial.Records("screenings"))
        {
            var p = participants[Text(s, "participant_id")];
            var (born, on) = (Date(p, "birth_date"), Date(s, "screened_on"));
            var age = on.Year - born.Year - (on < born.AddYears(on.Year - born.Year) ? 1 : 0);
            var variables = s.GetProperty("variables");
            Assert.Equal(age, variables.GetProperty("age").GetInt32());
            Assert.Equal(Text(p, "sex"), Text(variables, "sex"));
            Assert.Equal(on, Date(variables, "screening_date"));
        }
    }

    [Fact]
    public void Every_record_and_audit_entry_is_made_under_the_accepted_protocol_version()
    {
        var accepted = Assert.Single(trial.Records("protocol_versions"));
        var id = Text(accepted, "id");
        var hashed = trial.Export.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array)
            .SelectMany(p => p.Value.EnumerateArray()).Where(r => r.ValueKind == JsonValueKind.Object && r.TryGetProperty("protocol_hash", out _)).ToList();
        Assert.True(hashed.Count > trial.Records("audit").Count());
        Assert.All(hashed, r => Assert.Equal(id, Text(r, "protocol_hash")));
        Assert.Equal(id, Text(trial.Export, "protocol_hash"));
    }

    [Fact]
    public void Imaging_shows_the_treated_levels()
    {
        var screenings = Screenings;
        Assert.NotEmpty(trial.Records("imaging"));
        Assert.All(trial.Records("imaging"), i => Assert.Contains(Text(i, "level"), TreatedLevels(screenings[Text(i, "participant_id")])));
    }

    [Fact]
    public void Late_effects_begin_months_after_radiotherapy_and_acute_ones_not_before_it()
    {
        var courses = Courses;
        var late = trial.Records("adverse_events").Where(a => Text(a, "term") is "Myelitis" or "Spinal fracture").Select(a => (Id: Text(a, "participant_id"), On: Date(a, "onset")))
            .Concat(trial.Records("imaging").Where(i => Text(i, "finding") != "no-finding").Select(i => (Id: Text(i, "participant_id"), On: Date(i, "date"))))
            .ToList();
        Assert.NotEmpty(late);
        Assert.All(late, l => Assert.True(l.On >= Date(courses[l.Id], "end").AddDays(30), $"{l.Id}: late effect on {l.On}, course ended {Text(courses[l.Id], "end")}"));
        Assert.All(trial.Records("adverse_events"), a => Assert.True(Date(a, "onset") >= Date(courses[Text(a, "participant_id")], "start"), $"{Text(a, "id")} begins before the first fraction"));
        Assert.All(trial.Records("imaging").Where(i => Text(i, "finding") == "fracture"), i => Assert.True(i.GetProperty("sins").GetProperty("total").GetInt32() > 0));
    }

    [Fact]
    public void Nothing_is_dated_after_a_death_and_the_visits_after_it_are_not_expected()
    {
        var deaths = Deaths;
        Assert.NotEmpty(deaths);
        foreach (var collection in new[] { "fractions", "treatment_stops", "visits", "assessments", "diary", "imaging", "withdrawals" })
            Assert.All(trial.Records(collection).Where(r => deaths.ContainsKey(Text(r, "participant_id"))),
                r => Assert.True(Date(r, "date") <= deaths[Text(r, "participant_id")], $"{collection} {Text(r, "id")} after the death"));
        Assert.All(trial.Records("adverse_events").Where(a => deaths.ContainsKey(Text(a, "participant_id"))),
            a => Assert.True((a.GetProperty("resolved").ValueKind == JsonValueKind.Null ? Date(a, "onset") : Date(a, "resolved")) <= deaths[Text(a, "participant_id")]));
        foreach (var (id, died) in deaths.Take(3))
        {
            var visits = JsonDocument.Parse(trial.Harness.Ok("visits", "list", "--participant", id, "--format", "json")).RootElement.EnumerateArray().ToList();
            Assert.All(visits.Where(v => Date(v, "window_start") > died), v => Assert.Equal("not-expected", Text(v, "status")));
            Assert.DoesNotContain(visits, v => Text(v, "status") is "overdue" or "due" && Date(v, "window_end") > died);
        }
    }

    [Fact]
    public void Deaths_and_losses_are_near_the_protocols_dropout_rate_with_contacts_of_those_alive()
    {
        var status = trial.Records("vital_status").GroupBy(v => Text(v, "status")).ToDictionary(g => g.Key, g => g.Count());
        var ended = status.GetValueOrDefault("died") + status.GetValueOrDefault("lost-to-follow-up");
        Assert.InRange((double)ended / Randomized, 0.05, 0.16);
        Assert.True(status.GetValueOrDefault("died") > 0 && status.GetValueOrDefault("lost-to-follow-up") > 0);
        Assert.True(status.GetValueOrDefault("alive") > Randomized / 4);
        Assert.Equal(ended, trial.Summary.GetProperty("deaths").GetInt32() + trial.Summary.GetProperty("lost_to_follow_up").GetInt32());
    }

    [Fact]
    public void Some_courses_stop_early_and_no_fraction_follows_a_stop()
    {
        var stops = trial.Records("treatment_stops").ToDictionary(s => Text(s, "participant_id"), s => Date(s, "date"));
        Assert.InRange(stops.Count, 1, Randomized / 8);
        Assert.Contains(trial.Records("treatment_stops"), s => Text(s, "reason") != "death");
        Assert.All(trial.Records("fractions").Where(f => stops.ContainsKey(Text(f, "participant_id"))), f => Assert.True(Date(f, "date") <= stops[Text(f, "participant_id")]));
        var courses = Courses;
        Assert.All(stops.Keys, id => Assert.Equal("stopped", Text(courses[id], "state")));
        Assert.All(stops.Keys, id => Assert.InRange(courses[id].GetProperty("delivered").GetInt32(), 0, 9));
    }

    [Fact]
    public void The_diary_runs_from_the_first_fraction_to_ten_days_after_the_last_with_flares_in_some()
    {
        var courses = Courses;
        var diary = trial.Records("diary").ToList();
        Assert.All(diary, e =>
        {
            var c = courses[Text(e, "participant_id")];
            Assert.InRange(Date(e, "date"), Date(c, "start"), Date(c, "end").AddDays(10));
        });
        var baseline = trial.Records("assessments").Where(a => Text(a, "visit_id") == "baseline")
            .ToDictionary(a => Text(a, "participant_id"), a => (Pain: a.GetProperty("worst_pain").GetInt32(), Omed: a.GetProperty("omed_mg").GetDouble()));
        var byParticipant = diary.Where(e => baseline.ContainsKey(Text(e, "participant_id"))).GroupBy(e => Text(e, "participant_id")).ToList();
        Assert.True(byParticipant.Count > Randomized / 2);
        var days = byParticipant.Select(g => (double)g.Count() / (Date(courses[g.Key], "end").AddDays(10).DayNumber - Date(courses[g.Key], "start").DayNumber + 1)).Average();
        Assert.InRange(days, 0.75, 0.97);
        var flares = byParticipant.Count(g => g.Any(e => e.GetProperty("worst_pain").GetInt32() >= baseline[g.Key].Pain + 2
            || e.GetProperty("omed_mg").GetDouble() >= baseline[g.Key].Omed * 1.25 && baseline[g.Key].Omed > 0));
        Assert.InRange((double)flares / byParticipant.Count, 0.2, 0.5);
    }

    [Fact]
    public void Treated_levels_and_primaries_spread_as_in_spinal_metastases()
    {
        var randomized = trial.Records("randomizations").Select(r => Text(r, "participant_id")).ToHashSet();
        var screenings = Screenings.Where(s => randomized.Contains(s.Key)).Select(s => s.Value).ToList();
        var levels = screenings.SelectMany(TreatedLevels).ToList();
        double Share(char region) => (double)levels.Count(l => l[0] == region) / levels.Count;
        Assert.InRange(Share('T'), 0.5, 0.8);
        Assert.InRange(Share('L'), 0.1, 0.4);
        Assert.InRange(Share('C'), 0.02, 0.2);
        Assert.InRange(Share('S'), 0, 0.12);
        var primaries = screenings.GroupBy(s => Text(s.GetProperty("variables"), "primary_tumour")).ToDictionary(g => g.Key, g => g.ToList());
        Assert.True(new[] { "breast", "lung", "prostate" }.Sum(p => primaries.GetValueOrDefault(p)?.Count ?? 0) > screenings.Count / 2);
        Assert.True(primaries.Count >= 6);
        Assert.All(primaries.GetValueOrDefault("prostate") ?? [], s => Assert.Equal("male", Text(s.GetProperty("variables"), "sex")));
        Assert.All(primaries.GetValueOrDefault("breast") ?? [], s => Assert.Equal("female", Text(s.GetProperty("variables"), "sex")));
    }

    [Fact]
    public void The_baseline_pain_is_the_pain_recorded_at_screening()
    {
        var screenings = Screenings;
        var baselines = trial.Records("assessments").Where(a => Text(a, "visit_id") == "baseline").ToList();
        Assert.True(baselines.Count > Randomized / 2);
        Assert.All(baselines, a => Assert.Equal(screenings[Text(a, "participant_id")].GetProperty("variables").GetProperty("worst_pain_nrs").GetInt32(), a.GetProperty("worst_pain").GetInt32()));
    }

    private static IReadOnlyList<string> TreatedLevels(JsonElement screening)
    {
        var lesions = screening.GetProperty("variables").GetProperty(Lesions).EnumerateArray().ToList();
        var treated = lesions.Where(l => l.GetProperty(Treated).GetBoolean()).ToList();
        return [.. (treated.Count > 0 ? treated : lesions).Select(l => Text(l, Level))];
    }
}
