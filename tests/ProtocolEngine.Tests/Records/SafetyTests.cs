using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.FollowUp;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Safety;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Reference;
using ProtocolEngine.Tests.Records.Support;

namespace ProtocolEngine.Tests.Records;

public class SafetyTests
{
    [Fact]
    public void The_ctcae_catalog_has_all_837_terms_and_knows_missing_grades()
    {
        var c = CtcaeCatalog.Default;
        Assert.Equal(837, c.Count);
        var dic = c.Find("Disseminated intravascular coagulation")!;
        Assert.False(dic.HasGrade(1));
        Assert.True(dic.HasGrade(2));
        Assert.Equal(10041569, c.Find("spinal fracture")!.MeddraCode);
        foreach (var term in new[] { "Bone pain", "Back pain", "Pain", "Myelitis", "Spinal fracture", "Spinal cord compression", "Radiculitis", "Nausea", "Vomiting", "Esophagitis", "Diarrhea", "Dermatitis radiation", "Fatigue" })
            Assert.NotNull(c.Find(term));
    }

    [Fact]
    public void Adverse_events_check_term_grade_meddra_and_dates()
    {
        using var t = new TrialFixture();
        var p = t.Enrol();
        var s = new AdverseEventService(t.As("investigator"), CtcaeCatalog.Default);
        var ae = s.Add(p.Id, new AdverseEventInput { Term = "nausea", Grade = 2, Onset = t.Today, Relation = Relatedness.Probable });
        Assert.Equal(("Nausea", 10028813L), (ae.Term, ae.MeddraCode));
        AdverseEventInput Input(string term, int grade) => new() { Term = term, Grade = grade, Onset = t.Today, Relation = Relatedness.Possible };
        var noGrade4 = CtcaeCatalog.Default.Terms.First(x => !x.HasGrade(4));
        var ex = Assert.Throws<RecordRejectedException>(() => s.Add(p.Id, Input(noGrade4.Term, 4)));
        Assert.Equal("grade", ex.Field);
        Assert.Contains("has no grade 4", ex.Message);
        Assert.Equal("grade", Assert.Throws<RecordRejectedException>(() => s.Add(p.Id, Input("Nausea", 6))).Field);
        Assert.Equal("term", Assert.Throws<RecordRejectedException>(() => s.Add(p.Id, Input("Pain flare", 1))).Field);
        Assert.Equal("meddra", Assert.Throws<RecordRejectedException>(() => s.Add(p.Id, Input("Nausea", 1) with { MeddraCode = 123 })).Field);
        Assert.Equal("onset", Assert.Throws<RecordRejectedException>(() => s.Add(p.Id, Input("Nausea", 1) with { Onset = t.Today.AddDays(-1) })).Field);
        Assert.Equal("resolved", Assert.Throws<RecordRejectedException>(() => s.Add(p.Id, Input("Nausea", 1) with { Resolved = t.Today.AddDays(-1) })).Field);
        Assert.Equal("monitor", Assert.Throws<ProtocolEngine.Engine.Security.AccessDeniedException>(() =>
            new AdverseEventService(t.As("monitor"), CtcaeCatalog.Default).Add(p.Id, Input("Nausea", 1))).Message.Split('\'')[1]);
        Assert.Single(t.Store.Read(r => r.All<AdverseEvent>()));
    }

    [Theory]
    [InlineData("C1", 3)] [InlineData("C5", 2)] [InlineData("C7", 3)] [InlineData("T2", 3)] [InlineData("T3", 1)]
    [InlineData("T10", 1)] [InlineData("T11", 3)] [InlineData("L1", 3)] [InlineData("L3", 2)] [InlineData("L5", 3)]
    [InlineData("S1", 3)] [InlineData("S3", 0)] [InlineData("occiput", 3)]
    public void Sins_location_follows_the_spinal_level(string level, int score) => Assert.Equal(score, SinsCalculator.LocationScore(level));

    [Fact]
    public void A_fracture_gets_its_sins_total_and_category()
    {
        using var t = new TrialFixture();
        var p = t.Enrol();
        var s = new ImagingService(t.As("investigator"));
        var f = s.Add(p.Id, new ImagingInput
        {
            Date = t.Today, Modality = ImagingModality.Ct, Finding = FindingKind.Fracture, Level = "t12",
            Sins = new SinsInput { Pain = SinsPain.Mechanical, BoneLesion = SinsBoneLesion.Lytic, Alignment = SinsAlignment.Normal, Collapse = SinsCollapse.UnderHalf, PosteriorElements = SinsPosterior.Unilateral },
        });
        Assert.Equal(("T12", 3 + 3 + 2 + 0 + 2 + 1, SinsCategory.PotentiallyUnstable), (f.Level, f.Sins!.Total, f.Sins.Category));
        var m = s.Add(p.Id, new ImagingInput { Date = t.Today, Modality = ImagingModality.Mri, Finding = FindingKind.RadiationMyelopathy, Level = "T10" });
        Assert.Null(m.Sins);
        Assert.Equal("sins", Assert.Throws<RecordRejectedException>(() => s.Add(p.Id, new ImagingInput { Date = t.Today, Finding = FindingKind.Fracture, Level = "T10" })).Field);
        Assert.Equal("level", Assert.Throws<RecordRejectedException>(() => s.Add(p.Id, new ImagingInput { Date = t.Today, Finding = FindingKind.RadiationMyelopathy, Level = "T13" })).Field);
        Assert.Equal("date", Assert.Throws<RecordRejectedException>(() => s.Add(p.Id, new ImagingInput { Date = t.Today.AddDays(-9), Finding = FindingKind.RadiationMyelopathy, Level = "T10" })).Field);
        Assert.Equal(SinsCategory.Unstable, SinsCalculator.Score(new SinsInput { Level = "C1", Pain = SinsPain.Mechanical, BoneLesion = SinsBoneLesion.Lytic, Alignment = SinsAlignment.Subluxation, Collapse = SinsCollapse.OverHalf, PosteriorElements = SinsPosterior.Bilateral }).Category);
        Assert.Equal(18, SinsCalculator.Score(new SinsInput { Level = "C1", Pain = SinsPain.Mechanical, BoneLesion = SinsBoneLesion.Lytic, Alignment = SinsAlignment.Subluxation, Collapse = SinsCollapse.OverHalf, PosteriorElements = SinsPosterior.Bilateral }).Total);
    }

    [Fact]
    public void Withdrawal_takes_a_dropout_criterion_and_closes_later_records()
    {
        using var t = new TrialFixture();
        var p = t.Enrol();
        var s = new WithdrawalService(t.As("investigator"));
        Assert.Equal("criterion", Assert.Throws<RecordRejectedException>(() => s.Withdraw(p.Id, "I1", t.Today, "")).Field);
        var w = s.Withdraw(p.Id, "D1", t.Today, "consent withdrawn by phone");
        Assert.Equal("D1", w.CriterionId);
        Assert.Equal(ParticipantStatus.Withdrawn, t.Store.Read(r => r.Find<Participant>(p.Id))!.Status);
        Assert.Equal("participant", Assert.Throws<RecordRejectedException>(() => s.Withdraw(p.Id, "D2", t.Today, "")).Field);
        t.Clock.SetDate(t.Today.AddDays(1));
        Assert.Equal("date", Assert.Throws<RecordRejectedException>(() => new TreatmentService(t.As("investigator")).Record(p.Id, t.Today, false)).Field);
    }
}
