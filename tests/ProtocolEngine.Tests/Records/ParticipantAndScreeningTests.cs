using System.Text.Json;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Tests.Records.Support;

namespace ProtocolEngine.Tests.Records;

public class ParticipantAndScreeningTests
{
    [Fact]
    public void Registration_assigns_site_numbered_ids_and_refuses_bad_input_naming_the_field()
    {
        using var t = new TrialFixture();
        var s = new ParticipantService(t.As("coordinator"));
        Assert.Equal("mch-001", s.Register("mch", null, "AB", 1960, Sex.Female, null).Id);
        Assert.Equal("mch-007", s.Register("mch", 7, "CD", 1970, Sex.Male, null).Id);
        Assert.Equal("mch-008", s.Register("mch", null, "EF", 1971, Sex.Male, null).Id);
        Assert.Equal("site", Assert.Throws<RecordRejectedException>(() => s.Register("nowhere", null, "AB", 1960, Sex.Female, null)).Field);
        Assert.Equal("initials", Assert.Throws<RecordRejectedException>(() => s.Register("mch", null, "John Smith", 1960, Sex.Female, null)).Field);
        Assert.Equal("birth-year", Assert.Throws<RecordRejectedException>(() => s.Register("mch", null, "AB", 1800, Sex.Female, null)).Field);
        Assert.Equal("screening-number", Assert.Throws<RecordRejectedException>(() => s.Register("mch", 7, "GH", 1960, Sex.Female, null)).Field);
        Assert.Equal("consent-date", Assert.Throws<RecordRejectedException>(() => s.Register("mch", null, "AB", 1960, Sex.Female, t.Today.AddDays(1))).Field);
        Assert.Equal(3, s.List().Count);
    }

    [Fact]
    public void Screening_stores_variables_verdicts_and_protocol_version()
    {
        using var t = new TrialFixture();
        var session = t.As("coordinator");
        var p = new ParticipantService(session).Register("mch", null, "AB", 1960, Sex.Female, t.Today);
        var screening = new ScreeningService(session, new UnevaluatedScreening(t.Protocol));
        var partial = screening.Screen(p.Id, TrialFixture.Variables(), new Dictionary<string, bool> { ["I1"] = true });
        Assert.Equal(ScreeningStatus.Incomplete, partial.Outcome.Status);
        Assert.Equal(Verdict.Met, partial.Outcome.Verdicts.Single(v => v.CriterionId == "I1").Verdict);
        Assert.Equal(Verdict.Unknown, partial.Outcome.Verdicts.Single(v => v.CriterionId == "I2").Verdict);
        var full = screening.Screen(p.Id, TrialFixture.Variables(), TrialFixture.AllMet());
        Assert.Equal(ScreeningStatus.Eligible, full.Outcome.Status);
        Assert.Equal(session.ProtocolHash, full.ProtocolHash);
        Assert.Equal("mch-001-S2", full.Id);
        var stored = t.Store.Read(r => r.Find<ScreeningRecord>(full.Id))!;
        Assert.Equal(1, stored.Variables["ecog"].GetInt32());
        Assert.Equal(ParticipantStatus.Eligible, t.Store.Read(r => r.Find<Participant>(p.Id))!.Status);
        var excluded = screening.Screen(p.Id, TrialFixture.Variables(), new Dictionary<string, bool>(TrialFixture.AllMet()) { ["E1"] = true });
        Assert.Equal(ScreeningStatus.Ineligible, excluded.Outcome.Status);
    }

    [Fact]
    public void Attestations_never_override_a_verdict_the_rules_reached()
    {
        var outcome = new ScreeningOutcome
        {
            Verdicts = [new CriterionVerdict { CriterionId = "I3", Kind = CriterionKind.Inclusion, Verdict = Verdict.NotMet }],
        };
        var merged = Attestations.Apply(outcome, new Dictionary<string, bool> { ["I3"] = true });
        Assert.Equal(Verdict.NotMet, merged.Verdicts[0].Verdict);
        Assert.Equal(ScreeningStatus.Ineligible, merged.Status);
    }

    [Theory]
    [InlineData("ecog", "7", "variables.ecog")]
    [InlineData("ecog", "\"one\"", "variables.ecog")]
    [InlineData("primary_tumour", "\"liver\"", "variables.primary_tumour")]
    [InlineData("diagnosed_on", "\"2026-13-01\"", "variables.diagnosed_on")]
    [InlineData("height", "170", "variables.height")]
    public void Screening_refuses_bad_values_naming_the_variable(string variable, string json, string field)
    {
        using var t = new TrialFixture();
        var session = t.As("coordinator");
        var p = new ParticipantService(session).Register("mch", null, "AB", 1960, Sex.Female, t.Today);
        var data = TrialFixture.Variables();
        data[variable] = JsonDocument.Parse(json).RootElement.Clone();
        var before = t.Store.Read(r => r.AuditEntries().Count);
        var ex = Assert.Throws<RecordRejectedException>(() => new ScreeningService(session, new UnevaluatedScreening(t.Protocol)).Screen(p.Id, data, TrialFixture.AllMet()));
        Assert.Equal(field, ex.Field);
        Assert.Equal(before, t.Store.Read(r => r.AuditEntries().Count));
    }

    [Fact]
    public void Attesting_an_unknown_criterion_is_refused()
    {
        using var t = new TrialFixture();
        var session = t.As("coordinator");
        var p = new ParticipantService(session).Register("mch", null, "AB", 1960, Sex.Female, t.Today);
        var ex = Assert.Throws<RecordRejectedException>(() => new ScreeningService(session, new UnevaluatedScreening(t.Protocol))
            .Screen(p.Id, TrialFixture.Variables(), new Dictionary<string, bool> { ["I9"] = true }));
        Assert.Equal("criteria.I9", ex.Field);
    }
}
