using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Demo;
using ProtocolEngine.Engine.Assessments;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Treatment;
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
        Assert.Throws<ProtocolEngine.Engine.Trial.RecordRejectedException>(() => new DemoResponseRates(1.2, 0.5));

        static (double, double) Rates(Protocol p) => (DemoResponseRates.From(p).Experimental, DemoResponseRates.From(p).Control);
    }

    [Fact]
    public void Sites_enrol_round_robin_each_about_weekly_so_more_sites_fill_the_trial_sooner()
    {
        var spine = TestProtocols.Spine();
        var protocol = spine with { Sites = [spine.Sites[0], spine.Sites[0] with { Id = "second", Name = "Second" }, spine.Sites[0] with { Id = "third", Name = "Third" }] };
        using var two = new TrialFixture(protocol);
        Generator(two, protocol, new DemoOptions { Seed = 3, Sites = 2 }).Run(20, Today);
        var bySite = two.Store.Read(r => r.Scan<Participant>().CountBy(p => p.SiteId).ToDictionary());
        Assert.Equal(new Dictionary<string, int> { [spine.Sites[0].Id] = 10, ["second"] = 10 }, bySite);
        var twoSitesFrom = two.Store.Read(r => r.Scan<Participant>().Min(p => p.RegisteredOn));

        using var one = new TrialFixture(protocol);
        Generator(one, protocol, new DemoOptions { Seed = 3, Sites = 1 }).Run(20, Today);
        var oneSiteFrom = one.Store.Read(r => r.Scan<Participant>().Min(p => p.RegisteredOn));
        // 20 at one site take ~20 weeks, at two ~10: enrolment starts ~10 weeks later.
        Assert.InRange(twoSitesFrom.DayNumber - oneSiteFrom.DayNumber, 60, 80);
    }

    [Fact]
    public void More_sites_than_the_protocol_lists_or_a_start_before_1900_is_refused_before_anything_is_written()
    {
        using var f = new TrialFixture();
        var ex = Assert.Throws<RecordRejectedException>(() => Generator(f, f.Protocol, new DemoOptions { Seed = 1, Sites = 2 }).Run(5, Today));
        Assert.Contains("lists 1", ex.Message);
        var early = Assert.Throws<RecordRejectedException>(() => Generator(f, f.Protocol, new DemoOptions { Seed = 1 }).Run(10_000, Today));
        Assert.Contains("before 1900", early.Message);
        Assert.Equal(0, f.Store.Read(r => r.Count<Participant>()));
    }

    private static DemoGenerator Generator(TrialFixture f, Protocol protocol, DemoOptions options)
    {
        var admin = TrialDatabase.Open(f.Store, protocol, "admin", TrialFixture.Password, f.Clock, upgradeHash: false).User;
        return new DemoGenerator(f.Store, protocol, admin, new UnevaluatedScreening(protocol), new AlternatingAllocator(), options);
    }

    private sealed class Recorder(List<DemoProgress> reports) : IProgress<DemoProgress>
    {
        public void Report(DemoProgress value) => reports.Add(value);
    }
}
