using ProtocolEngine.Cli;
using ProtocolEngine.Tests.Support;
using System.Runtime.CompilerServices;
using ProtocolEngine.Engine.Loading;
using ProtocolEngine.Engine.Rules;

namespace ProtocolEngine.Tests.Engine.Rules;

public class RuleCacheTests
{
    private static ProtocolDocument Load(string path) => Edges.Engine.Loader.Load(path).Document!;

    [Fact]
    public void A_second_load_comes_from_the_cache_and_an_edit_recompiles()
    {
        var options = new RuleOptions { CacheDirectory = TestCache.NewDirectory() };
        var p = new TempProtocol();

        using (var first = Edges.Engine.Rules.Load(Load(p.Yaml), options).Rules!)
            Assert.False(first.FromCache);
        using (var second = Edges.Engine.Rules.Load(Load(p.Yaml), options).Rules!)
            Assert.True(second.FromCache);

        File.WriteAllText(p.Yaml, File.ReadAllText(p.Yaml).Replace("rule: ecog <= 1", "rule: ecog < 2"));
        using (var edited = Edges.Engine.Rules.Load(Load(p.Yaml), options).Rules!)
            Assert.False(edited.FromCache);

        File.AppendAllText(p.Script, "\n// an edited script is a new input too\n");
        using (var script = Edges.Engine.Rules.Load(Load(p.Yaml), options).Rules!)
            Assert.False(script.FromCache);
    }

    [Fact]
    public void The_key_covers_protocol_and_scripts()
    {
        var p = new TempProtocol();
        var before = Edges.Engine.Rules.CacheKeyOf(Load(p.Yaml));
        Assert.Equal(before, Edges.Engine.Rules.CacheKeyOf(Load(p.Yaml)));
        File.AppendAllText(p.Script, "\n");
        Assert.NotEqual(before, Edges.Engine.Rules.CacheKeyOf(Load(p.Yaml)));
    }

    [Fact]
    public void A_corrupt_cache_entry_is_replaced_with_a_warning()
    {
        var options = new RuleOptions { CacheDirectory = TestCache.NewDirectory() };
        var document = Load(RepoPaths.SeedProtocol);
        Edges.Engine.Rules.Load(document, options).Rules!.Dispose();
        File.WriteAllBytes(Path.Combine(options.CacheDirectory!, Edges.Engine.Rules.CacheKeyOf(document) + ".dll"), [1, 2, 3]);
        var result = Edges.Engine.Rules.Load(document, options);
        using var rules = result.Rules!;
        Assert.False(rules.FromCache);
        Assert.Contains(result.Diagnostics, d => d.Code == "PE0305");
    }

    [Fact]
    public void Disposing_unloads_the_rule_assembly()
    {
        var document = Load(RepoPaths.SeedProtocol);
        var weak = LoadAndDispose(document);
        for (var i = 0; i < 10 && weak.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.False(weak.IsAlive);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference LoadAndDispose(ProtocolDocument document)
    {
        var rules = Edges.Engine.Rules.Load(document, new RuleOptions { CacheDirectory = TestCache.NewDirectory() }).Rules!;
        var weak = new WeakReference(rules.NewParticipant().GetType().Assembly);
        rules.Dispose();
        return weak;
    }
}
