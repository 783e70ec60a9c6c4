using ProtocolEngine.Engine.Assessments;
using ProtocolEngine.Engine.Demo;
using ProtocolEngine.Engine.FollowUp;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Roster;
using ProtocolEngine.Engine.Scheduling;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Workspace;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Tests.Records.Support;

namespace ProtocolEngine.Tests.Roster;

/// <summary>
/// The roster is derived data: every answer it gives (the participant list, the visits due on any day) must be the
/// answer the records give, after every kind of write, and it must never be used when it could be behind.
/// </summary>
public sealed class ParticipantRosterTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void On_a_demo_trial_the_roster_answers_every_day_as_the_records_do(bool inMemory)
    {
        using var f = new TrialFixture(inMemory: inMemory);
        var admin = TrialDatabase.Open(f.Store, f.Protocol, "admin", TrialFixture.Password, f.Clock, upgradeHash: false).User;
        new DemoGenerator(f.Store, f.Protocol, admin, new UnevaluatedScreening(f.Protocol), new AlternatingAllocator(), new DemoOptions { Seed = 11 }).Run(40, Today);
        var monitor = f.As("monitor");
        Assert.True(monitor.Store.Read(r => new ParticipantRoster(monitor).IsCurrent(r)), "the demo leaves a current roster");

        // The dashboard is about today: a participant randomized today and given a first fraction on Monday is under way.
        f.Clock.SetDate(Today);
        var fresh = f.Enrol();
        f.Clock.SetDate(Today.AddDays(3));
        new TreatmentService(f.As("investigator")).Record(fresh.Id, Today.AddDays(3), false);
        var first = f.Store.Read(r => r.Scan<Participant>().Min(p => p.RegisteredOn));
        var days = Enumerable.Range(0, 30).Select(k => first.AddDays(k * 29)).Where(d => d <= Today.AddDays(400)).ToList();
        var fromRoster = days.Select(d => new VisitService(monitor).Due(d)).ToList();
        var listFromRoster = new ParticipantService(monitor).List();
        var dashboardDays = new[] { Today.AddDays(3), Today.AddDays(4), Today.AddDays(5), Today.AddDays(12), Today.AddDays(60) };
        var dashboardsFromRoster = dashboardDays.Select(d => Dashboard(f, d)).ToList();

        f.Store.Write(w =>
        {
            ParticipantRoster.Invalidate(w);
            return 0;
        });
        Assert.Null(monitor.Store.Read(r => new ParticipantRoster(monitor).Read(r)));
        var fromRecords = days.Select(d => new VisitService(monitor).Due(d)).ToList();
        Assert.Equal(fromRecords, fromRoster);
        Assert.Equal(f.Store.Read(r => r.All<Participant>()), listFromRoster);
        var dashboardsFromRecords = dashboardDays.Select(d => Dashboard(f, d)).ToList();
        for (var k = 0; k < dashboardDays.Length; k++)
            Assert.Equal(Text(dashboardsFromRecords[k]), Text(dashboardsFromRoster[k]));
        Assert.Contains(dashboardsFromRecords, d => d.FractionsToday > 0);
        Assert.Contains(dashboardsFromRecords, d => d.VisitsOverdue > 0);
        Assert.True(fromRecords.Sum(l => l.Count) > 40, $"only {fromRecords.Sum(l => l.Count)} due occurrences over {days.Count} days: the comparison says little");
        Assert.Contains(fromRecords, l => l.Any(o => o.Status == VisitStatus.Overdue));
    }

    /// <summary>The dashboard on a day, from a new workspace (nothing cached).</summary>
    private static DashboardSummary Dashboard(TrialFixture f, DateOnly day)
    {
        f.Clock.SetDate(day);
        return new TrialWorkspace(f.As("monitor"), new UnevaluatedScreening(f.Protocol), () => new AlternatingAllocator()).Dashboard();
    }

    private static string Text(DashboardSummary d) => System.Text.Json.JsonSerializer.Serialize(d);

    [Fact]
    public void Each_write_refreshes_the_entries_of_the_participants_it_touched()
    {
        using var f = new TrialFixture();
        var p = f.Enrol();
        var monitor = f.As("monitor");
        RosterEntry Entry() => monitor.Store.Read(r => new ParticipantRoster(monitor).Read(r))!.Single(e => e.Participant.Id == p.Id);

        Assert.Equal(ParticipantStatus.Randomized, Entry().Participant.Status);
        Assert.True(Entry().Live, "randomized without a fraction: the course (and the visits timed from it) is projected");

        Treat.FullCourse(f, p.Id, TrialFixture.Start);
        var treated = Entry();
        Assert.False(treated.Live);
        Assert.Equal(
            new VisitService(monitor).ForParticipant(p.Id).Where(o => o.Status is VisitStatus.Upcoming or VisitStatus.Due or VisitStatus.Overdue).Select(o => (o.VisitId, o.Occurrence)),
            treated.Open.Select(o => (o.VisitId, o.Occurrence)));
        Assert.Contains(treated.Open, o => o.VisitId == "week2");

        f.Clock.SetDate(f.Today.AddDays(20));
        new VitalStatusService(f.As("coordinator")).Set(p.Id, VitalStatus.Died, f.Today.AddDays(-1), DeathCause.Disease, null);
        Assert.DoesNotContain(Entry().Open, o => o.WindowEnd >= f.Today.AddDays(-1));
    }

    [Fact]
    public void A_roster_made_under_another_protocol_version_is_not_used_and_the_next_write_rebuilds_it()
    {
        using var f = new TrialFixture();
        var p = f.Enrol();
        var monitor = f.As("monitor");
        f.Store.Write(w =>
        {
            w.SetMeta(ParticipantRoster.StateKey, "1:another-protocol-version");
            w.SetMeta(ParticipantRoster.ShardKey(p.Id), "[]");
            return 0;
        });
        Assert.Null(monitor.Store.Read(r => new ParticipantRoster(monitor).Read(r)));
        Assert.Single(new ParticipantService(monitor).List(), x => x.Id == p.Id);

        var second = f.Enrol();
        var roster = monitor.Store.Read(r => new ParticipantRoster(monitor).Read(r));
        Assert.NotNull(roster);
        Assert.Equal([p.Id, second.Id], roster.Select(e => e.Participant.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_write_that_fails_leaves_the_roster_as_the_records_are_and_one_that_commits_changes_both()
    {
        using var f = new TrialFixture();
        var p = f.Enrol();
        var coordinator = f.As("coordinator");
        string InitialsInRoster() => coordinator.Store.Read(r => new ParticipantRoster(coordinator).Read(r))!.Single().Participant.Initials;
        var before = InitialsInRoster();

        Assert.Throws<InvalidOperationException>(() => coordinator.Write<int>(Permission.RegisterParticipant, w =>
        {
            w.Change(p, p with { Initials = "QQ" }, "participant-change", "a correction");
            throw new InvalidOperationException("refused half way");
        }));
        Assert.Equal(before, InitialsInRoster());

        coordinator.Write(Permission.RegisterParticipant, w => w.Change(w.Reader.Find<Participant>(p.Id)!, p with { Initials = "QQ" }, "participant-change", "a correction"));
        Assert.Equal("QQ", InitialsInRoster());
        Assert.Equal("QQ", new ParticipantService(coordinator).List().Single().Initials);
    }
}
