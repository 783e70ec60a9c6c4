using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Workspace;
using ProtocolEngine.Tests.Tui;

namespace ProtocolEngine.Tests.Workspace;

/// <summary>The workspace the UI calls: each answer checked against what the engine's services stored.</summary>
public sealed class TrialWorkspaceTests
{
    private static ScreeningRequest Eligible(string id) => new(id, TuiHarness.EligibleAnswers());

    [Fact]
    public void The_dashboard_counts_registered_screened_ineligible_and_randomized_per_arm_against_the_target()
    {
        using var db = new TuiHarness().WithDatabase();
        var summary = db.Seed(w =>
        {
            var today = w.Info.Today;
            var a = w.Register(new RegistrationRequest("mianyang", "AB", new DateOnly(1962, 3, 14), "female", today));
            var b = w.Register(new RegistrationRequest("mianyang", "CD", new DateOnly(1962, 3, 14), "female", today));
            w.Register(new RegistrationRequest("mianyang", "EF", new DateOnly(1962, 3, 14), "female", today));
            w.Screen(Eligible(a.Id));
            w.Randomize(a.Id);
            var answers = TuiHarness.EligibleAnswers().ToDictionary();
            answers["ecog"] = "3";
            Assert.Equal("ineligible", w.Screen(new ScreeningRequest(b.Id, answers)).Status);
            return w.Dashboard();
        });
        Assert.Equal(66, summary.TargetTotal);
        Assert.Equal([33, 33], summary.Arms.Select(x => x.Target));
        Assert.Equal(1, summary.Randomized);
        Assert.Equal(1, summary.Arms.Sum(x => x.Randomized));
        Assert.Equal((3, 2, 1), (summary.Registered, summary.Screened, summary.Ineligible));
        Assert.Equal(summary.AsOf.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), Assert.Single(summary.EnrolmentOverTime).Month);
        Assert.Equal(0, summary.OpenSevereAdverseEvents);
    }

    [Fact]
    public void Participants_are_listed_a_page_at_a_time_with_the_number_that_match()
    {
        using var db = new TuiHarness().WithDatabase();
        db.Seed(w =>
        {
            foreach (var initials in new[] { "AA", "BB", "CC", "DD", "EE" })
                w.Register(new RegistrationRequest("mianyang", initials, new DateOnly(1950, 1, 1), "male", null));
            var page = w.Participants(new ParticipantQuery(null, null, 2, 2));
            Assert.Equal(5, page.Total);
            Assert.Equal(["mianyang-003", "mianyang-004"], page.Rows.Select(r => r.Id));
            Assert.Equal("DD", w.Participants(new ParticipantQuery("dd")).Rows.Single().Initials);
            Assert.Equal(5, w.Participants(new ParticipantQuery(null, "screening")).Total);
            Assert.Equal(0, w.Participants(new ParticipantQuery(null, "randomized")).Total);
            Assert.Equal(["mianyang-001", "mianyang-002"], w.ParticipantIds("MIANYANG-00", 2));
            var bad = Assert.Throws<RecordRejectedException>(() => w.Participants(new ParticipantQuery(null, "asleep")));
            Assert.Contains("screening, eligible, ineligible, randomized, withdrawn", bad.Message);
            return 0;
        });
    }

    [Fact]
    public void Checking_a_screening_names_each_refused_field_and_stores_nothing()
    {
        using var db = new TuiHarness().WithDatabase();
        db.Seed(w =>
        {
            var p = w.Register(new RegistrationRequest("mianyang", "AB", new DateOnly(1962, 3, 14), "female", w.Info.Today));
            var answers = TuiHarness.EligibleAnswers().ToDictionary();
            answers["ecog"] = "9";
            answers["qtc_ms"] = "abc";
            answers["age"] = "30";
            var check = w.CheckScreening(new ScreeningRequest(p.Id, answers));
            Assert.Equal(["age", "ecog", "qtc_ms"], check.FieldMessages.Keys.Order());
            Assert.Contains("not a number", check.FieldMessages["qtc_ms"]);
            Assert.Contains("does not match the registration", check.FieldMessages["age"]);
            Assert.Equal("unknown", check.Criteria.Single(c => c.Id == "IC3").Verdict);
            Assert.False(check.Saved);
            Assert.Null(w.Participant(p.Id).ScreeningStatus);
            Assert.Throws<RecordRejectedException>(() => w.Screen(new ScreeningRequest(p.Id, answers)));
            Assert.Null(w.Participant(p.Id).ScreeningStatus);
            return 0;
        });
    }

    [Fact]
    public void The_randomization_preview_says_why_a_participant_cannot_be_randomized()
    {
        using var db = new TuiHarness().WithDatabase();
        db.Seed(w =>
        {
            var p = w.Register(new RegistrationRequest("mianyang", "AB", new DateOnly(1962, 3, 14), "female", w.Info.Today));
            Assert.Contains("only an eligible participant", w.PreviewRandomization(p.Id).Blocked);
            w.Screen(Eligible(p.Id));
            var preview = w.PreviewRandomization(p.Id);
            Assert.Null(preview.Blocked);
            Assert.Equal("mianyang", preview.Strata["site"]);
            var allocation = w.Randomize(p.Id);
            Assert.Contains("Already randomized", w.PreviewRandomization(p.Id).Blocked);
            Assert.Equal(allocation, w.Participant(p.Id).Allocation);
            return 0;
        });
    }

    [Theory]
    [InlineData(VariableType.Integer, "12", "12")]
    [InlineData(VariableType.Number, "12.5", "12.5")]
    [InlineData(VariableType.Boolean, "Y", "true")]
    [InlineData(VariableType.Boolean, "no", "false")]
    [InlineData(VariableType.Date, "2026-11-23", "\"2026-11-23\"")]
    [InlineData(VariableType.Code, "breast", "\"breast\"")]
    public void Field_text_becomes_the_variable_s_JSON_value(VariableType type, string text, string json)
    {
        var value = FieldText.Parse(new Variable { Id = "x", Type = type }, text, out var error);
        Assert.Null(error);
        Assert.Equal(json, value!.Value.GetRawText());
        Assert.Equal(type == VariableType.Boolean ? (json == "true" ? "yes" : "no") : text, FieldText.Format(value.Value));
    }

    [Theory]
    [InlineData(VariableType.Integer, "1.5", "not a whole number")]
    [InlineData(VariableType.Number, "1,5", "not a number")]
    [InlineData(VariableType.Boolean, "maybe", "not yes or no")]
    [InlineData(VariableType.Date, "23.11.2026", "yyyy-mm-dd")]
    public void Text_that_is_no_value_of_the_type_says_what_to_type(VariableType type, string text, string message)
    {
        Assert.Null(FieldText.Parse(new Variable { Id = "x", Type = type }, text, out var error));
        Assert.Contains(message, error);
    }

    [Fact]
    public void Many_valued_fields_are_comma_separated()
    {
        var value = FieldText.Parse(new Variable { Id = "s", Type = VariableType.Integer, Many = true }, "1, 2,6", out _);
        Assert.Equal("[1,2,6]", value!.Value.GetRawText());
        Assert.Equal("1, 2, 6", FieldText.Format(value.Value));
    }

    [Fact]
    public void Enrolment_over_time_is_cumulative_by_month_including_empty_months()
    {
        var points = TrialWorkspace.Monthly([new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 9), new DateOnly(2026, 3, 1)], new DateOnly(2026, 4, 2));
        Assert.Equal([("2026-01", 2), ("2026-02", 2), ("2026-03", 3), ("2026-04", 3)], points.Select(p => (p.Month, p.Randomized)));
    }
}
