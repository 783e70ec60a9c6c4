using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Reference;
using ProtocolEngine.Engine.Scheduling;
using ProtocolEngine.Engine.Assessments;
using ProtocolEngine.Tests.Records.Support;

namespace ProtocolEngine.Tests.Records;

public class AssessmentTests
{
    [Theory]
    [InlineData("morphine", 60, 60)]
    [InlineData("oxycodone", 20, 30)]
    [InlineData("hydromorphone", 8, 32)]
    [InlineData("tramadol", 200, 20)]
    [InlineData("codeine", 240, 36)]
    [InlineData("tapentadol", 100, 40)]
    [InlineData("fentanyl-transdermal", 25, 60)]
    public void Omed_uses_the_documented_factors(string drug, double amount, double omed) =>
        Assert.Equal(omed, OmedTable.Default.ToOmed(drug, amount, "drug"), 6);

    [Fact]
    public void An_assessment_stores_pain_and_total_omed_and_marks_the_visit_done()
    {
        using var t = new TrialFixture();
        var p = t.Enrol();
        var a = new AssessmentService(t.As("coordinator"), OmedTable.Default).Record(p.Id, "baseline", null, t.Today, 7,
            [new AnalgesicInput("oxycodone", 20), new AnalgesicInput("fentanyl-transdermal", 12)]);
        Assert.Equal(30 + 28.8, a.OmedMg, 6);
        Assert.Equal("mg/day", a.Analgesics[0].Unit);
        Assert.Equal(VisitStatus.Done, new VisitService(t.As("monitor")).ForParticipant(p.Id)[0].Status);
        Assert.Equal("visit", Assert.Throws<RecordRejectedException>(() =>
            new AssessmentService(t.As("coordinator"), OmedTable.Default).Record(p.Id, "baseline", 0, t.Today, 6, [])).Field);
    }

    [Fact]
    public void Bad_assessments_are_refused_naming_the_field()
    {
        using var t = new TrialFixture();
        var p = t.Enrol();
        var s = new AssessmentService(t.As("coordinator"), OmedTable.Default);
        Assert.Equal("pain", Assert.Throws<RecordRejectedException>(() => s.Record(p.Id, "baseline", null, t.Today, 11, [])).Field);
        Assert.Equal("analgesics[0].drug", Assert.Throws<RecordRejectedException>(() => s.Record(p.Id, "baseline", null, t.Today, 5, [new("aspirin", 1)])).Field);
        Assert.Equal("analgesics[0].amount", Assert.Throws<RecordRejectedException>(() => s.Record(p.Id, "baseline", null, t.Today, 5, [new("morphine", -1)])).Field);
        Assert.Equal("visit", Assert.Throws<RecordRejectedException>(() => s.Record(p.Id, "day99", null, t.Today, 5, [])).Field);
        Assert.Equal("date", Assert.Throws<RecordRejectedException>(() => s.Record(p.Id, "baseline", null, t.Today.AddDays(-1), 5, [])).Field);
        Assert.Equal("visit", Assert.Throws<RecordRejectedException>(() => s.Record(p.Id, "week2", null, t.Today, 5, [])).Field);
        Assert.Equal("participant", Assert.Throws<RecordRejectedException>(() => s.Record("mch-404", "baseline", null, t.Today, 5, [])).Field);
    }
}
