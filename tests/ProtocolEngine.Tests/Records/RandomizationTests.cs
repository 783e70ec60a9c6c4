using ProtocolEngine.Engine.Model;
using IRandomizationPlugin = ProtocolEngine.Contracts.Plugins.IRandomizationPlugin;
using ProtocolEngine.Cli;
using ProtocolEngine.Engine.Plugins;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Screening;
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
        Assert.Empty(allocator.Requests[1].Prior); // permuted blocks: the contract's Prior is for minimization only
        Assert.Equal(("mch", 1), (allocator.Requests[1].Levels["site"], allocator.Requests[1].Position));
        var again = Assert.Throws<RecordRejectedException>(() => new RandomizationService(t.As("coordinator"), allocator).Randomize(p1.Id));
        Assert.Contains("already randomized", again.Message);
        Assert.Equal(ParticipantStatus.Randomized, t.Store.Read(r => r.Find<Participant>(p2.Id))!.Status);
    }

    [Fact]
    public void Minimization_is_given_every_earlier_allocation_and_a_counter_behind_the_records_is_recounted()
    {
        var spine = TestProtocols.Spine();
        var plan = spine.Randomization! with
        {
            Method = "minimization", BlockSizes = [], Strata = [],
            Minimization = new Minimization { Factors = [new MinimizationFactor { Factor = "site", Weight = 1 }] },
        };
        using var t = new TrialFixture(spine with { Randomization = plan });
        var allocator = new AlternatingAllocator();
        t.Enrol(allocator: allocator);
        t.Enrol(allocator: allocator);
        // A counter behind the records (edited, or restored from an older copy) is recounted from them when its number is taken.
        t.Store.Write(w => { w.SetMeta("count:randomized:all", "0"); return 0; });
        t.Enrol(allocator: allocator);
        Assert.Equal([0, 1, 2], allocator.Requests.Select(r => r.Position));
        Assert.Equal([0, 1, 2], allocator.Requests.Select(r => r.Prior.Count));
        Assert.Equal("mch", allocator.Requests[2].Prior[0].Levels["site"]);
        Assert.Equal([1, 2, 3], new RandomizationService(t.As("statistician"), allocator).List().Select(r => r.ListPosition));
    }

    [Fact]
    public void Only_eligible_consented_participants_are_randomized()
    {
        using var t = new TrialFixture();
        var s = t.As("coordinator");
        var noConsent = new ParticipantService(s).Register("mch", null, "AB", 1960, Sex.Female, null);
        var screening = new ScreeningService(s, new UnevaluatedScreening(t.Protocol));
        Assert.Contains("no informed consent", Assert.Throws<RecordRejectedException>(() => screening.Screen(noConsent.Id, TrialFixture.Variables(), TrialFixture.AllMet())).Message);
        var incomplete = new ParticipantService(s).Register("mch", null, "CD", 1960, Sex.Female, t.Today);
        new ScreeningService(s, new UnevaluatedScreening(t.Protocol)).Screen(incomplete.Id, TrialFixture.Variables(), new Dictionary<string, bool>());
        var service = new RandomizationService(s, new AlternatingAllocator());
        Assert.Contains("only an eligible", Assert.Throws<RecordRejectedException>(() => service.Randomize(noConsent.Id)).Message);
        Assert.Contains("only an eligible", Assert.Throws<RecordRejectedException>(() => service.Randomize(incomplete.Id)).Message);
        Assert.Equal("participant", Assert.Throws<RecordRejectedException>(() => service.Randomize("mch-404")).Field);
        Assert.Empty(t.Store.Read(r => r.All<RandomizationRecord>()));
    }

    [Fact]
    public void The_plugin_allocator_balances_every_block_and_is_reproducible_from_the_database_seed()
    {
        var protocol = TestProtocols.Spine();
        using var catalog = Edges.Engine.Plugins.Load(PluginFolders.ForProtocol(null));
        var plugin = catalog.Find<IRandomizationPlugin>("Randomization")!;
        List<AllocatedArm> Allocate(string seed)
        {
            var allocator = new PluginAllocator(plugin, protocol, seed);
            var factors = new Dictionary<string, string> { ["site"] = "mch" };
            return Enumerable.Range(1, 60).Select(i => allocator.Allocate(new ProtocolEngine.Contracts.Plugins.AllocationRequest { Position = i - 1, Levels = factors })).ToList();
        }

        var arms = Allocate("seed-1");
        var blocks = arms.GroupBy(x => x.BlockId).ToList();
        foreach (var block in blocks)
        {
            var size = int.Parse(block.Key[(block.Key.LastIndexOf("size ", StringComparison.Ordinal) + 5)..^1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains(size, new[] { 4, 6 });
            // Every block but the last (which 60 participants may leave open) is complete and exactly 1:1.
            if (block == blocks[^1]) continue;
            Assert.Equal(size, block.Count());
            Assert.Equal(size / 2, block.Count(x => x.ArmId == "local"));
        }
        Assert.Equal(arms, Allocate("seed-1"));
        Assert.NotEqual(arms.Select(x => x.ArmId), Allocate("seed-2").Select(x => x.ArmId));
    }
}
