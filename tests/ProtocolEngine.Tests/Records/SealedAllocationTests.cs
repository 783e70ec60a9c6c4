using System.Text;
using LiteDB;
using ProtocolEngine.Cli;
using ProtocolEngine.Engine.Audit;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Plugins;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Storage.LiteDb;
using ProtocolEngine.Tests.Records.Support;
using IRandomizationPlugin = ProtocolEngine.Contracts.Plugins.IRandomizationPlugin;

namespace ProtocolEngine.Tests.Records;

/// <summary>
/// Issue 11, point 4: what predicts the next allocation (the seed, the block sizes) is sealed in the database for the users
/// who may randomize; the database key alone does not reveal it; coordinators randomize, statisticians list.
/// </summary>
public class SealedAllocationTests
{
    private const string Seed = "the statisticians-own-seed-2026";

    /// <summary>The test protocol stating only the method, as the seed protocol now does.</summary>
    private static Protocol MethodOnly() => TestProtocols.Spine() is var p ? p with { Randomization = p.Randomization! with { BlockSizes = [] } } : p;

    private static void Register(TrialFixture t, int count)
    {
        var s = t.As("coordinator");
        for (var i = 0; i < count; i++)
        {
            var p = new ParticipantService(s).Register("mch", null, "AB", 1960, Sex.Female, t.Today);
            new ScreeningService(s, new UnevaluatedScreening(t.Protocol)).Screen(p.Id, TrialFixture.Variables(), TrialFixture.AllMet());
        }
    }

    private static IAllocator Allocator(TrialSession session, IRandomizationPlugin plugin)
    {
        var secret = SealedAllocation.Open(session);
        return new PluginAllocator(plugin, SealedAllocation.Apply(session.Protocol, secret), secret.Seed);
    }

    [Fact]
    public void A_coordinator_randomizes_with_the_sealed_secret_and_the_statisticians_list_reproduces_every_allocation()
    {
        using var t = new TrialFixture(MethodOnly());
        using var catalog = Edges.Engine.Plugins.Load(PluginFolders.ForProtocol(null));
        var plugin = catalog.Find<IRandomizationPlugin>("Randomization")!;
        var given = new AllocationSealing(t.As("statistician")).Seal(Seed, [6, 12], [3, 1]);
        Assert.Equal(["admin", "coordinator", "investigator", "statistician"], given.Order());

        Register(t, 14);
        var coordinator = t.As("coordinator");
        var service = new RandomizationService(coordinator, Allocator(coordinator, plugin));
        var made = Enumerable.Range(1, 14).Select(i => service.Randomize($"mch-{i:000}")).ToList();

        // The statistician's list, from the sealed secret, twice: the same, and each allocation made is at its position.
        List<ProtocolEngine.Contracts.Plugins.AllocationListEntry> List()
        {
            var secret = SealedAllocation.Open(t.As("statistician"));
            var protocol = SealedAllocation.Apply(t.Protocol, secret);
            var settings = RandomizationSettingsFactory.FromPlan(protocol.Randomization!, protocol.Arms, PluginAllocator.SeedOf(secret.Seed));
            return [.. plugin.GenerateList(settings, [new Dictionary<string, string> { ["site"] = "mch" }], 14)];
        }
        var list = List();
        Assert.Equal(list, List());
        Assert.Equal(made.Select(m => m.ArmId), made.Select(m => list.Single(e => e.Sequence == m.ListPosition).ArmId));
        // The sealed block sizes are the ones used: every block is of size 6 or 12.
        Assert.All(list, e => Assert.Contains(e.BlockSize, new int?[] { 6, 12 }));
        // The seed and sizes the statistician entered, and nothing else, decide the list.
        var open = SealedAllocation.Open(t.As("statistician"));
        Assert.Equal(Seed, open.Seed);
        Assert.Equal([6, 12], open.BlockSizes);
        Assert.Equal([3, 1], open.BlockSizeWeights);
        Assert.Empty(t.Store.Read(r => AuditVerifier.Check(r).Problems));
    }

    [Fact]
    public void The_database_key_alone_reveals_neither_the_seed_nor_the_block_sizes()
    {
        using var t = new TrialFixture(MethodOnly());
        new AllocationSealing(t.As("statistician")).Seal(Seed, [6, 12], []);
        t.Close();
        var everything = new StringBuilder();
        using (var db = new LiteDatabase(new ConnectionString { Filename = t.DbPath, Password = TrialFixture.Key, ReadOnly = true }))
        {
            foreach (var name in db.GetCollectionNames())
                foreach (var document in db.GetCollection(name).FindAll())
                {
                    everything.AppendLine(document.ToString());
                    if (document.TryGetValue("z", out _) && name != LiteRecordStore.SegmentCollection && !name.EndsWith("__ids", StringComparison.Ordinal))
                        foreach (var line in Bucket.Decode(name, document).Lines) everything.AppendLine(Encoding.UTF8.GetString(line.Span));
                }
            foreach (var (_, json) in AuditJson(db)) everything.AppendLine(json);
        }
        var text = everything.ToString();
        Assert.Contains("randomization.sealed", text); // the dump did read meta: the sealed value is there, opaque
        Assert.DoesNotContain(Seed, text);
        Assert.DoesNotContain("[6,12]", text);
        Assert.DoesNotContain("6, 12", text);
        Assert.DoesNotContain(Convert.ToHexStringLower(BitConverter.GetBytes(PluginAllocator.SeedOf(Seed))), text);
        t.Reopen();
        // A user of a role that does not randomize (the monitor) is not given the key either.
        Assert.Contains("does not hold the randomization key", Assert.Throws<RecordRejectedException>(() => SealedAllocation.Open(t.As("monitor"))).Message);
    }

    private static IEnumerable<(long, string)> AuditJson(LiteDatabase db) =>
        db.GetCollection(LiteRecordStore.SegmentCollection).FindAll().Select(AuditSegment.Decode)
            .SelectMany(s => s.Sequences.Zip(s.Lines)).Select(e => (e.First, Encoding.UTF8.GetString(e.Second.Span)));

    [Fact]
    public void Randomizing_before_the_block_sizes_are_sealed_gives_a_clear_message()
    {
        using var t = new TrialFixture(MethodOnly());
        var error = Assert.Throws<RecordRejectedException>(() => SealedAllocation.Open(t.As("coordinator")));
        Assert.Equal("randomization", error.Field);
        Assert.EndsWith("The block sizes are not sealed in this database yet (the protocol states only the method): a statistician (or an administrator) "
            + "enters them with `protocol-engine randomization seal --block-sizes 2,4` before the first randomization.", error.Message);
    }

    [Fact]
    public void A_user_added_by_a_holder_gets_the_key_and_the_secret_cannot_change_after_the_first_randomization()
    {
        using var t = new TrialFixture(MethodOnly());
        new AllocationSealing(t.As("statistician")).Seal(null, [4], []);
        new UserService(t.As("admin")).Add("later", Role.Coordinator, TrialFixture.Password, TrialFixture.FastIterations);
        var (coordinator, later0) = (SealedAllocation.Open(t.As("coordinator")), SealedAllocation.Open(t.As("later")));
        Assert.Equal((coordinator.Seed, coordinator.BlockSizes.Single()), (later0.Seed, later0.BlockSizes.Single()));

        Register(t, 1);
        using var catalog = Edges.Engine.Plugins.Load(PluginFolders.ForProtocol(null));
        var later = t.As("later");
        new RandomizationService(later, Allocator(later, catalog.Find<IRandomizationPlugin>("Randomization")!)).Randomize("mch-001");
        var refused = Assert.Throws<RecordRejectedException>(() => new AllocationSealing(t.As("statistician")).Seal(null, [6], []));
        Assert.Contains("1 participants were already randomized with the sealed secret; it cannot change now", refused.Message);
        Assert.Throws<AccessDeniedException>(() => new AllocationSealing(t.As("coordinator")).Seal(null, [6], []));
        Assert.Empty(t.Store.Read(r => AuditVerifier.Check(r).Problems));
    }

    [Theory]
    [InlineData(new[] { 5 }, new int[0], "--block-sizes", "block size 5 cannot hold the arms' ratio (sum 2)")]
    [InlineData(new[] { 2000 }, new int[0], "--block-sizes", "block size 2000 is outside 1-1000")]
    [InlineData(new[] { 2, 4 }, new[] { 1 }, "--block-weights", "1 weights for 2 block sizes")]
    [InlineData(new int[0], new int[0], "--block-sizes", "permuted-blocks needs block sizes and the protocol states none")]
    public void Bad_block_sizes_are_refused_naming_the_option(int[] sizes, int[] weights, string field, string message)
    {
        using var t = new TrialFixture(MethodOnly());
        var error = Assert.Throws<RecordRejectedException>(() => new AllocationSealing(t.As("statistician")).Seal(null, sizes, weights));
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void The_seal_and_randomization_list_work_from_the_command_line()
    {
        using var h = new CliHarness(MethodOnly());
        h.Ok("init");
        Assert.Contains("permuted-blocks needs block sizes", h.Refused("randomization", "seal"));
        h.Env["SEED"] = Seed;
        Assert.Contains("Sealed the allocation secret (the seed given and the block sizes) for 1 users who may randomize: admin.",
            h.Ok("randomization", "seal", "--block-sizes", "6,12", "--seed-env", "SEED"));
        var list = h.Ok("randomization", "list", "--count", "12", "--strata", "site=mch");
        Assert.Equal(list, h.Ok("randomization", "list", "--count", "12", "--strata", "site=mch"));
        // CSV: sequence,stratum,block_id,block_size,arm; the sealed block sizes are the ones used.
        var rows = list.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.True(rows.Count >= 12);
        Assert.All(rows, r => Assert.Contains(r[3], new[] { "6", "12" }));
        // A monitor, who may not see the list, is refused.
        h.Env["MO_PW"] = "monitor-password";
        h.Ok("user", "add", "--name", "mona", "--role", "monitor", "--password-env", "MO_PW");
        (h.Env["PROTOCOL_ENGINE_USER"], h.Env["PROTOCOL_ENGINE_PASSWORD"]) = ("mona", "monitor-password");
        Assert.Contains("'mona' (monitor) may not do this", h.Refused("randomization", "list", "--count", "12"));
        Assert.Contains("--seed", h.Refused("randomization", "list", "--count", "12", "--block-sizes", "2"));
    }
}
