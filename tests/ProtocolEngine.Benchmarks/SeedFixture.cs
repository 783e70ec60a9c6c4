using ProtocolEngine.Contracts.Rules;
using ProtocolEngine.Engine;
using ProtocolEngine.Engine.Loading;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Rules;
using ProtocolEngine.Plugins.McMaster;
using ProtocolEngine.Rules.Roslyn;
using ProtocolEngine.Yaml.Loading;

namespace ProtocolEngine.Benchmarks;

/// <summary>The seed protocol and its eligible participant, found from the working directory upwards.</summary>
public static class SeedFixture
{
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>The engine over the same edges the executable ships with.</summary>
    public static EngineServices Engine { get; } = new(new YamlProtocolReader(), new RoslynRuleCompiler(), new McMasterPluginLoader());

    public static string ProtocolPath => Path.Combine(RepoRoot, "protocol.yaml");

    public static ProtocolDocument Document() =>
        Engine.Loader.Load(ProtocolPath).Document ?? throw new InvalidOperationException("the seed protocol does not load");

    public static ParticipantData EligibleData(ProtocolDocument document)
    {
        var json = File.ReadAllText(Path.Combine(RepoRoot, "protocols", "chictr1900023401", "participants", "eligible.json"));
        return new ParticipantReader(document.Protocol).Read(json).Data ?? throw new InvalidOperationException("eligible.json is refused");
    }

    public static (CompiledProtocol Rules, RuleParticipant Participant) Compiled(string cacheDirectory)
    {
        var document = Document();
        var rules = Engine.Rules.Load(document, new RuleOptions { CacheDirectory = cacheDirectory }).Rules
            ?? throw new InvalidOperationException("the seed protocol does not compile");
        return (rules, rules.Bind(EligibleData(document)));
    }

    private static string FindRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "protocol.yaml")) && Directory.Exists(Path.Combine(dir.FullName, "protocols")))
                    return dir.FullName;
        }
        throw new InvalidOperationException("run the benchmarks from inside the repository (protocol.yaml not found)");
    }
}
