using ProtocolEngine.Cli;
using ProtocolEngine.Tests.Support;
using System.Runtime.CompilerServices;
using ProtocolEngine.Engine.Loading;
using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Rules;
using ProtocolEngine.Engine.Screening;

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
        File.WriteAllBytes(Path.Combine(options.CacheDirectory!, Edges.Engine.Rules.CacheKeyOf(document) + ".rules"), [1, 2, 3]);
        var result = Edges.Engine.Rules.Load(document, options);
        using var rules = result.Rules!;
        Assert.False(rules.FromCache);
        Assert.Contains(result.Diagnostics, d => d.Code == "PE0305");
    }

    private static string RulesFile(RuleOptions options, ProtocolDocument document) =>
        Path.Combine(options.CacheDirectory!, Edges.Engine.Rules.CacheKeyOf(document) + ".rules");

    /// <summary>IC3's verdict for the seed's eligible participant (ECOG 1), evaluated in this process.</summary>
    private static Verdict Ic3(CompiledProtocol rules)
    {
        var json = File.ReadAllText(Path.Combine(RepoPaths.Root, "protocols", "chictr1900023401", "participants", "eligible.json"));
        var data = new ParticipantReader(rules.Plan.Protocol).Read(json).Data!;
        return new Screener(rules).Screen(data).Criteria.Single(c => c.Id == "IC3").Verdict;
    }

    [Fact]
    public void A_tampered_cache_file_is_recompiled_not_loaded()
    {
        // The attacker's file is a real, valid cache file, of another protocol (IC3 "ecog < 1"), put where the seed's belongs.
        var options = new RuleOptions { CacheDirectory = TestCache.NewDirectory() };
        var seed = new TempProtocol();
        var other = new TempProtocol(y => y.Replace("rule: ecog <= 1", "rule: ecog < 1"));
        var seedDocument = Load(seed.Yaml);
        Edges.Engine.Rules.Load(seedDocument, options).Rules!.Dispose();
        using (var otherRules = Edges.Engine.Rules.Load(Load(other.Yaml), options).Rules!)
            Assert.Equal(Verdict.NotMet, Ic3(otherRules));
        File.Copy(RulesFile(options, Load(other.Yaml)), RulesFile(options, seedDocument), overwrite: true);

        var result = Edges.Engine.Rules.Load(seedDocument, options);
        using (var rules = result.Rules!)
        {
            Assert.False(rules.FromCache);
            Assert.Equal(Verdict.Met, Ic3(rules));
        }
        var note = Assert.Single(result.Diagnostics, d => d.Code == "PE0305");
        Assert.Equal(Severity.Warning, note.Severity);
        Assert.Contains("failed their integrity check", note.Message);

        // A flipped byte in the image is refused the same way; the recompiled file is then trusted again.
        var bytes = File.ReadAllBytes(RulesFile(options, seedDocument));
        bytes[^100] ^= 1;
        File.WriteAllBytes(RulesFile(options, seedDocument), bytes);
        using (var again = Edges.Engine.Rules.Load(seedDocument, options).Rules!)
            Assert.False(again.FromCache);
        using (var trusted = Edges.Engine.Rules.Load(seedDocument, options).Rules!)
            Assert.True(trusted.FromCache);
    }

    [Fact]
    public void A_missing_key_gives_a_new_key_and_a_recompile()
    {
        var options = new RuleOptions { CacheDirectory = TestCache.NewDirectory() };
        var document = Load(RepoPaths.SeedProtocol);
        Edges.Engine.Rules.Load(document, options).Rules!.Dispose();
        var keyFile = options.ResolveCacheKeyFile();
        var oldKey = File.ReadAllBytes(keyFile);
        File.Delete(keyFile);

        var result = Edges.Engine.Rules.Load(document, options);
        using (var rules = result.Rules!)
            Assert.False(rules.FromCache);
        Assert.Contains(result.Diagnostics, d => d.Code == "PE0305" && d.Message.Contains("integrity", StringComparison.Ordinal));
        Assert.Equal(32, File.ReadAllBytes(keyFile).Length);
        Assert.NotEqual(oldKey, File.ReadAllBytes(keyFile));
        using (var next = Edges.Engine.Rules.Load(document, options).Rules!)
            Assert.True(next.FromCache);
    }

    [Fact]
    public void Cache_files_the_key_and_their_folders_are_owner_only()
    {
        if (OperatingSystem.IsWindows()) return;
        var options = new RuleOptions { CacheDirectory = TestCache.NewDirectory() };
        var document = Load(RepoPaths.SeedProtocol);
        Edges.Engine.Rules.Load(document, options).Rules!.Dispose();
        const UnixFileMode file = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(file, File.GetUnixFileMode(RulesFile(options, document)));
        Assert.Equal(file, File.GetUnixFileMode(options.ResolveCacheKeyFile()));
        Assert.Equal(file | UnixFileMode.UserExecute, File.GetUnixFileMode(options.CacheDirectory!));
        Assert.Equal(Path.GetDirectoryName(Path.GetFullPath(options.CacheDirectory!)), Path.GetDirectoryName(options.ResolveCacheKeyFile()));
    }

    [Fact]
    public void A_key_others_can_read_turns_the_cache_off_with_a_warning()
    {
        if (OperatingSystem.IsWindows()) return;
        var options = new RuleOptions { CacheDirectory = TestCache.NewDirectory() };
        var document = Load(RepoPaths.SeedProtocol);
        Edges.Engine.Rules.Load(document, options).Rules!.Dispose();
        File.SetUnixFileMode(options.ResolveCacheKeyFile(), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        var result = Edges.Engine.Rules.Load(document, options);
        using (var rules = result.Rules!)
            Assert.False(rules.FromCache);
        Assert.Contains(result.Diagnostics, d => d.Code == "PE0305" && d.Message.Contains("can be read or written by others", StringComparison.Ordinal));
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
