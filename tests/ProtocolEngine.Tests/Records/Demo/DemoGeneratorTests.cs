using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Records.Demo;
using ProtocolEngine.Engine.Records.Model;
using ProtocolEngine.Engine.Records.Services;
using ProtocolEngine.Tests.Records.Support;

namespace ProtocolEngine.Tests.Records.Demo;

/// <summary>The generator on a protocol with no scenarios and no population file: values drawn evenly, the same checks and records.</summary>
public class DemoGeneratorTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Fact]
    public void Progress_is_reported_day_by_day_up_to_today()
    {
        using var f = new TrialFixture();
        var reports = new List<DemoProgress>();
        var summary = Generator(f, f.Protocol, new DemoOptions { Seed = 4, Progress = new Recorder(reports) }).Run(12, Today);
        Assert.Equal(12, summary.Registered);
        Assert.True(reports.Count > 12);
        Assert.All(reports.Zip(reports.Skip(1)), p => Assert.True(p.Second.Day > p.First.Day && p.Second.DaysDone > p.First.DaysDone));
        Assert.Equal(new DemoProgress(Today, reports[0].DaysTotal, reports[0].DaysTotal), reports[^1]);
        Assert.InRange(reports[0].DaysDone, 0, 7);
    }

    [Fact]
    public void Without_scenarios_or_a_population_the_trial_is_still_whole_and_keeps_a_diary_when_the_protocol_has_one()
    {
        var protocol = TestProtocols.Spine() with { Diary = new DiaryPlan { Label = "Pain diary", DaysAfterEnd = 7 } };
        using var f = new TrialFixture(protocol);
        var summary = Generator(f, protocol, new DemoOptions { Seed = 9 }).Run(25, Today);
        Assert.True(summary.Randomized > 15);
        Assert.True(summary.Fractions > summary.Randomized * 8);
        Assert.True(summary.DiaryEntries > summary.Randomized * 10);
        Assert.True(summary.ImagingFindings > 0 && summary.Assessments > summary.Randomized * 2);
        var courses = f.Store.Read(r => r.All<FractionRecord>()).GroupBy(x => x.ParticipantId).ToDictionary(g => g.Key, g => (First: g.Where(x => x.Status == FractionStatus.Delivered).Min(x => x.Date), Last: g.Max(x => x.Date)));
        Assert.All(f.Store.Read(r => r.All<DiaryEntry>()), d => Assert.InRange(d.Date, courses[d.ParticipantId].First, courses[d.ParticipantId].Last.AddDays(7)));
    }

    [Fact]
    public void Response_rates_default_to_the_protocols_assumed_rates_then_to_the_fallback()
    {
        var protocol = TestProtocols.Spine();
        Assert.Equal((0.65, 0.65), Rates(protocol));
        Assert.Equal((0.7, 0.65), Rates(protocol with { Statistics = protocol.Statistics with { AssumedRates = new AssumedRates { Experimental = 0.7 } } }));
        Assert.Equal((0.55, 0.8), Rates(protocol with { Statistics = protocol.Statistics with { AssumedRates = new AssumedRates { Experimental = 0.55, Control = 0.8 } } }));
        Assert.Equal(0.8, new DemoResponseRates(0.55, 0.8).For(ArmRole.Control));
        Assert.Throws<ProtocolEngine.Engine.Records.RecordRejectedException>(() => new DemoResponseRates(1.2, 0.5));

        static (double, double) Rates(Protocol p) => (DemoResponseRates.From(p).Experimental, DemoResponseRates.From(p).Control);
    }

    private static DemoGenerator Generator(TrialFixture f, Protocol protocol, DemoOptions options)
    {
        var admin = TrialDatabase.Open(f.Store, protocol, "admin", TrialFixture.Password, f.Clock).User;
        return new DemoGenerator(f.Store, protocol, admin, new UnevaluatedScreening(protocol), new AlternatingAllocator(), options);
    }

    private sealed class Recorder(List<DemoProgress> reports) : IProgress<DemoProgress>
    {
        public void Report(DemoProgress value) => reports.Add(value);
    }
}
