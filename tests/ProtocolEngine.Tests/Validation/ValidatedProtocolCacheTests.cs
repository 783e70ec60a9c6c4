using ProtocolEngine.Cli;
using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Loading;
using ProtocolEngine.Engine.Rules;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Validation;
using ProtocolEngine.Tests.Records.Support;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Validation;

/// <summary>
/// A records command skips validating a protocol this installation validated before, from the same sources and
/// against the same plugins: the entry must change with any of those inputs, survive no tampering, and give the
/// command exactly what validating would have (the warnings, the version hash).
/// </summary>
public sealed class ValidatedProtocolCacheTests
{
    private static ProtocolDocument Load(string path) => Edges.Engine.Loader.Load(path).Document!;

    [Fact]
    public void The_key_changes_with_a_source_byte_or_a_plugin_file_and_with_nothing_else()
    {
        var p = new TempProtocol();
        var plugins = Directory.CreateTempSubdirectory("pe-plugins-").FullName;
        File.WriteAllText(Path.Combine(plugins, "A.dll"), "one");
        var key = ValidatedProtocolCache.KeyOf(Load(p.Yaml), [plugins]);
        Assert.Equal(key, ValidatedProtocolCache.KeyOf(Load(p.Yaml), [plugins]));

        File.AppendAllText(p.Script, "\n// a script edit\n");
        var edited = ValidatedProtocolCache.KeyOf(Load(p.Yaml), [plugins]);
        Assert.NotEqual(key, edited);

        File.WriteAllText(Path.Combine(plugins, "A.dll"), "other");
        Assert.NotEqual(edited, ValidatedProtocolCache.KeyOf(Load(p.Yaml), [plugins]));
        var replaced = ValidatedProtocolCache.KeyOf(Load(p.Yaml), [plugins]);
        Directory.CreateDirectory(Path.Combine(plugins, "New"));
        File.WriteAllText(Path.Combine(plugins, "New", "New.dll"), "x");
        Assert.NotEqual(replaced, ValidatedProtocolCache.KeyOf(Load(p.Yaml), [plugins]));
    }

    [Fact]
    public void An_entry_reads_back_as_written_and_a_tampered_one_is_never_used()
    {
        var options = new RuleOptions { CacheDirectory = TestCache.NewDirectory() };
        var cache = ValidatedProtocolCache.Open(options)!;
        var document = Load(RepoPaths.SeedProtocol);
        var key = ValidatedProtocolCache.KeyOf(document, []);
        var warning = new Diagnostic("PE0220", Severity.Warning, "site 'x' has no time_zone", new SourceLocation(document.Path, 12, 3));
        var hash = ProtocolFingerprint.HashOf(document.Protocol, document.Scripts);
        cache.Write(key, new ValidatedProtocolCache.Entry(hash, [warning]));

        var read = cache.TryRead(key);
        Assert.NotNull(read);
        Assert.Equal(hash, read.ProtocolHash);
        Assert.Equal(warning.ToString(), Assert.Single(read.Warnings).ToString());

        var file = Directory.GetFiles(options.CacheDirectory!, key + ".*").Single();
        var bytes = File.ReadAllBytes(file);
        bytes[^1] ^= 1;
        File.WriteAllBytes(file, bytes);
        Assert.Null(cache.TryRead(key));
        Assert.False(File.Exists(file), "a file that fails its check is removed, so the next command validates and writes a good one");
        Assert.Null(ValidatedProtocolCache.Open(options with { UseCache = false }));
    }

    [Fact]
    public void A_remembered_hash_is_the_hash_serializing_gives()
    {
        var document = Load(RepoPaths.SeedProtocol);
        var computed = ProtocolFingerprint.Hash(ProtocolFingerprint.CanonicalJson(document.Protocol, document.Scripts));
        Assert.Equal(computed, ProtocolFingerprint.HashOf(document.Protocol, document.Scripts));
        ProtocolFingerprint.Remember(document.Protocol, document.Scripts, "remembered");
        Assert.Equal("remembered", ProtocolFingerprint.HashOf(document.Protocol, document.Scripts));
        // Other scripts with the same model are another version: the remembered hash is not theirs.
        var other = document.Scripts.ToDictionary(kv => kv.Key, kv => kv.Value + "\n// edited");
        Assert.NotEqual("remembered", ProtocolFingerprint.HashOf(document.Protocol, other));
    }

    [Fact]
    public void A_records_command_reports_the_same_warnings_from_the_cache_and_refuses_a_protocol_broken_since()
    {
        using var cli = CliHarness.ForSeedProtocol();
        File.WriteAllText(cli.ProtocolPath, File.ReadAllText(cli.ProtocolPath).Replace("    time_zone: Asia/Shanghai   #", "    #"));
        cli.Ok("init");
        var first = cli.Run("participant", "list");
        var second = cli.Run("participant", "list");
        Assert.Equal(0, second.Code);
        Assert.Contains("PE0220", first.Err);
        Assert.Equal(first.Err, second.Err);

        File.WriteAllText(cli.ProtocolPath, File.ReadAllText(cli.ProtocolPath).Replace("rule: ecog <= 1", "rule: ecogx <= 1"));
        var broken = cli.Run("participant", "list");
        Assert.Equal(2, broken.Code);
        Assert.Contains("invalid", broken.Err);
    }
}
