using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Tests.Records.Support;

namespace ProtocolEngine.Tests.Engine.Trial;

/// <summary>"Today" is the date at the participant's site, in the site's time zone, not the UTC date.</summary>
public class SiteTodayTests
{
    // 2026-09-07 19:00 UTC is 2026-09-08 03:00 in Shanghai (UTC+8) and 2026-09-07 15:00 in New York (UTC-4).
    private static readonly DateTimeOffset EarlyMorningInShanghai = new(2026, 9, 7, 19, 0, 0, TimeSpan.Zero);

    private static Protocol TwoSites() => TestProtocols.Spine() with
    {
        Sites = [TestProtocols.Spine().Sites[0], TestProtocols.Spine().Sites[0] with { Id = "nyc", Name = "New York", Country = "US", TimeZone = "America/New_York" }],
    };

    [Fact]
    public void Each_site_has_the_date_of_its_time_zone()
    {
        using var t = new TrialFixture(TwoSites(), inMemory: true);
        t.Clock.Now = EarlyMorningInShanghai;
        var s = t.As("coordinator");
        Assert.Equal(new DateOnly(2026, 9, 8), s.TodayAt("mch"));
        Assert.Equal(new DateOnly(2026, 9, 7), s.TodayAt("nyc"));
        Assert.Equal(new DateOnly(2026, 9, 8), s.Today); // the latest of the sites' dates
    }

    [Fact]
    public void A_site_without_a_time_zone_has_the_utc_date()
    {
        var p = TestProtocols.Spine() with { Sites = [TestProtocols.Spine().Sites[0] with { TimeZone = null }] };
        using var t = new TrialFixture(p, inMemory: true);
        t.Clock.Now = new DateTimeOffset(2026, 9, 7, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2026, 9, 7), t.As("coordinator").TodayAt("mch"));
    }

    [Fact]
    public void A_fraction_given_at_3_in_the_morning_in_shanghai_is_not_in_the_future()
    {
        using var t = new TrialFixture(inMemory: true);
        var p = t.Enrol(); // randomized on 2026-09-07 (a Monday)
        t.Clock.Now = EarlyMorningInShanghai; // Tuesday 2026-09-08 03:00 at the site, still Monday in UTC
        var f = new TreatmentService(t.As("investigator")).Record(p.Id, new DateOnly(2026, 9, 8), false);
        Assert.Equal(new DateOnly(2026, 9, 8), f.Date);
        var refused = Assert.Throws<RecordRejectedException>(() => new TreatmentService(t.As("investigator")).Record(p.Id, new DateOnly(2026, 9, 9), false));
        Assert.Contains("2026-09-09 is in the future (today is 2026-09-08)", refused.Message);
    }

    [Fact]
    public void The_same_instant_is_still_yesterday_at_a_site_west_of_utc()
    {
        using var t = new TrialFixture(TwoSites(), inMemory: true);
        var s = t.As("coordinator");
        var p = new ParticipantService(s).Register("nyc", null, "CD", 1960, Sex.Male, TrialFixture.Start);
        t.Clock.Now = EarlyMorningInShanghai;
        var refused = Assert.Throws<RecordRejectedException>(() => new ParticipantService(t.As("coordinator")).RecordConsent(p.Id, new DateOnly(2026, 9, 8), null));
        Assert.Contains("today is 2026-09-07", refused.Message);
        Assert.Equal(new DateOnly(2026, 9, 8), new ParticipantService(t.As("coordinator")).Register("mch", null, "EF", 1960, Sex.Male, new DateOnly(2026, 9, 8)).RegisteredOn);
    }
}
