using ProtocolEngine.Engine.Records;
using ProtocolEngine.Engine.Records.Model;
using ProtocolEngine.Engine.Records.Services;
using ProtocolEngine.Tests.Records.Support;

namespace ProtocolEngine.Tests.Records;

public class RandomizationTests
{
    [Fact]
    public void Randomization_stores_arm_stratum_position_block_time_and_user_once()
    {
        using var t = new TrialFixture();
        var allocator = new AlternatingAllocator();
        var p1 = t.Enrol(allocator: allocator);
        var p2 = t.Enrol(allocator: allocator);
        var list = new RandomizationService(t.As("statistician"), allocator).List();
        Assert.Equal(["local", "whole"], list.Select(r => r.ArmId));
        Assert.Equal([1, 2], list.Select(r => r.ListPosition));
        Assert.All(list, r => Assert.Equal("site=mch", r.StratumKey));
        Assert.All(list, r => Assert.Equal("coordinator", r.RandomizedBy));
        Assert.Equal(["mch-001", "mch-002"], list.Select(r => r.ParticipantId));
        Assert.Equal("mch", Assert.Single(allocator.Requests[1].PriorAllocations).Factors["site"]);
        Assert.Equal("mch", allocator.Requests[1].Factors["site"]);
        var again = Assert.Throws<RecordRejectedException>(() => new RandomizationService(t.As("coordinator"), allocator).Randomize(p1.Id));
        Assert.Contains("already randomized", again.Message);
        Assert.Equal(ParticipantStatus.Randomized, t.Store.Read(r => r.Find<Participant>(p2.Id))!.Status);
    }

    [Fact]
    public void Only_eligible_consented_participants_are_randomized()
    {
        using var t = new TrialFixture();
        var s = t.As("coordinator");
        var noConsent = new ParticipantService(s).Register("mch", null, "AB", 1960, Sex.Female, null);
        new ScreeningService(s, new UnevaluatedScreening(t.Protocol)).Screen(noConsent.Id, TrialFixture.Variables(), TrialFixture.AllMet());
        var incomplete = new ParticipantService(s).Register("mch", null, "CD", 1960, Sex.Female, t.Today);
        new ScreeningService(s, new UnevaluatedScreening(t.Protocol)).Screen(incomplete.Id, TrialFixture.Variables(), new Dictionary<string, bool>());
        var service = new RandomizationService(s, new AlternatingAllocator());
        Assert.Contains("consent", Assert.Throws<RecordRejectedException>(() => service.Randomize(noConsent.Id)).Message);
        Assert.Contains("only an eligible", Assert.Throws<RecordRejectedException>(() => service.Randomize(incomplete.Id)).Message);
        Assert.Equal("participant", Assert.Throws<RecordRejectedException>(() => service.Randomize("mch-404")).Field);
        Assert.Empty(t.Store.Read(r => r.All<RandomizationRecord>()));
    }

    [Fact]
    public void The_seeded_block_allocator_balances_every_block_and_is_reproducible()
    {
        var protocol = TestProtocols.Spine();
        var a = new SeededBlockAllocator(protocol, "seed-1");
        var arms = Enumerable.Range(1, 60).Select(i => a.Allocate(new AllocationRequest { StratumKey = "site=mch", Position = i })).ToList();
        foreach (var block in arms.GroupBy(x => x.BlockId))
        {
            Assert.Contains(block.Count(), new[] { 4, 6 });
            Assert.Equal(block.Count() / 2, block.Count(x => x.ArmId == "local"));
        }
        var again = new SeededBlockAllocator(protocol, "seed-1");
        Assert.Equal(arms, Enumerable.Range(1, 60).Select(i => again.Allocate(new AllocationRequest { StratumKey = "site=mch", Position = i })));
        var other = new SeededBlockAllocator(protocol, "seed-2");
        Assert.NotEqual(arms.Select(x => x.ArmId), Enumerable.Range(1, 60).Select(i => other.Allocate(new AllocationRequest { StratumKey = "site=mch", Position = i }).ArmId));
    }
}
