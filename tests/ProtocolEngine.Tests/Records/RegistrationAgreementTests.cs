using System.Text.Json;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Tests.Records.Support;

namespace ProtocolEngine.Tests.Records;

/// <summary>P5.4: the age, sex and screening date the rules use agree with the registration; consent comes before screening.</summary>
public class RegistrationAgreementTests
{
    private static readonly DateOnly Mon = TrialFixture.Start; // 2026-09-07

    private static Protocol Bound()
    {
        var spine = TestProtocols.Spine();
        return spine with
        {
            CodeLists = new Dictionary<string, IReadOnlyList<CodeItem>>(spine.CodeLists) { ["sex"] = [new CodeItem { Code = "female", Label = "F" }, new CodeItem { Code = "male", Label = "M" }] },
            Variables =
            [
                .. spine.Variables.Select(v => v.Id == "age" ? v with { Registration = RegistrationDatum.Age } : v),
                new Variable { Id = "sex", Label = "Sex", Type = VariableType.Code, CodeList = "sex", Registration = RegistrationDatum.Sex },
                new Variable { Id = "screening_date", Label = "Screening date", Type = VariableType.Date, Registration = RegistrationDatum.ScreeningDate },
            ],
        };
    }

    private static Dictionary<string, JsonElement> Values(params (string Id, object Value)[] set)
    {
        var values = TrialFixture.Variables();
        values.Remove("age");
        foreach (var (id, value) in set) values[id] = JsonSerializer.SerializeToElement(value);
        return values;
    }

    private static ScreeningRecord Screen(TrialFixture t, string id, Dictionary<string, JsonElement> values, DateOnly? on = null) =>
        new ScreeningService(t.As("coordinator"), new UnevaluatedScreening(t.Protocol)).Screen(id, values, TrialFixture.AllMet(), on);

    [Fact]
    public void With_a_birth_year_only_the_age_must_be_given_and_be_one_of_the_two_it_allows()
    {
        using var t = new TrialFixture(Bound());
        var p = new ParticipantService(t.As("coordinator")).Register("mch", null, "ZL", 1962, Sex.Female, Mon);
        var missing = Assert.Throws<RecordRejectedException>(() => Screen(t, p.Id, Values()));
        Assert.Equal("variables.age", missing.Field);
        Assert.Contains("birth year only (1962), so the age on 2026-09-07 is 63 or 64", missing.Message);
        var wrong = Assert.Throws<RecordRejectedException>(() => Screen(t, p.Id, Values(("age", 58))));
        Assert.Contains("58 does not match the registration of 'mch-001' (born 1962: 63 or 64 on 2026-09-07)", wrong.Message);
        var s = Screen(t, p.Id, Values(("age", 64)));
        Assert.Equal(64, s.Variables["age"].GetInt32());
    }

    [Fact]
    public void With_a_birth_date_the_age_sex_and_screening_date_are_taken_from_the_registration()
    {
        using var t = new TrialFixture(Bound());
        var p = new ParticipantService(t.As("coordinator")).Register("mch", null, "ZL", 1962, Sex.Female, Mon, new DateOnly(1962, 9, 8));
        var s = Screen(t, p.Id, Values());
        Assert.Equal((63, "female", "2026-09-07"), (s.Variables["age"].GetInt32(), s.Variables["sex"].GetString(), s.Variables["screening_date"].GetString()));
        Assert.Contains("63 on 2026-09-07", Assert.Throws<RecordRejectedException>(() => Screen(t, p.Id, Values(("age", 64)))).Message);
        var sex = Assert.Throws<RecordRejectedException>(() => Screen(t, p.Id, Values(("sex", "male"))));
        Assert.Equal("variables.sex", sex.Field);
        Assert.Contains("'male' does not match the registration of 'mch-001' (sex female)", sex.Message);
        var date = Assert.Throws<RecordRejectedException>(() => Screen(t, p.Id, Values(("screening_date", "2026-09-01"))));
        Assert.Contains("'2026-09-01' is not the date of this screening (2026-09-07)", date.Message);
        Assert.Single(t.Store.Read(r => r.All<ScreeningRecord>()));
    }

    [Fact]
    public void Screening_comes_after_consent_and_a_birth_date_must_be_in_its_year()
    {
        using var t = new TrialFixture(Bound());
        var participants = new ParticipantService(t.As("coordinator"));
        Assert.Equal("birth-date", Assert.Throws<RecordRejectedException>(() => participants.Register("mch", null, "ZL", 1961, Sex.Female, Mon, new DateOnly(1962, 1, 1))).Field);
        var p = participants.Register("mch", null, "ZL", 1962, Sex.Female, null, new DateOnly(1962, 1, 1));
        Assert.Contains("no informed consent", Assert.Throws<RecordRejectedException>(() => Screen(t, p.Id, Values())).Message);
        t.Clock.SetDate(Mon.AddDays(3));
        participants = new ParticipantService(t.As("coordinator"));
        participants.RecordConsent(p.Id, Mon.AddDays(2), null);
        Assert.Contains("before the informed consent", Assert.Throws<RecordRejectedException>(() => Screen(t, p.Id, Values(), Mon.AddDays(1))).Message);
        Screen(t, p.Id, Values(), Mon.AddDays(2));
    }

    [Fact]
    public void Consent_cannot_be_moved_after_the_screening_and_an_age_must_be_whole_years()
    {
        using var t = new TrialFixture(Bound());
        var p = new ParticipantService(t.As("coordinator")).Register("mch", null, "ZL", 1962, Sex.Female, Mon);
        Assert.Contains("not a whole number of years", Assert.Throws<RecordRejectedException>(() => Screen(t, p.Id, Values(("age", 64.5)))).Message);
        Screen(t, p.Id, Values(("age", 64)));
        t.Clock.SetDate(Mon.AddDays(5));
        var ex = Assert.Throws<RecordRejectedException>(() => new ParticipantService(t.As("coordinator")).RecordConsent(p.Id, Mon.AddDays(2), "re-signed"));
        Assert.Contains("after the first screening of 'mch-001' (2026-09-07)", ex.Message);
    }
}
