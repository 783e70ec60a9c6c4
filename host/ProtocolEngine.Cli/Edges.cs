using ProtocolEngine.Engine;
using ProtocolEngine.Engine.Rules;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Screening.Isolation;
using ProtocolEngine.Plugins.McMaster;
using ProtocolEngine.Rules.Roslyn;
using ProtocolEngine.Yaml.Loading;

namespace ProtocolEngine.Cli;

/// <summary>
/// The composition root: the edge projects this host plugs into the engine: protocol.yaml read by
/// the YAML edge, rules compiled by the Roslyn edge (on a cache miss only), plugins loaded by the
/// McMaster edge. The engine itself references no package; the commands reach it through <see cref="Engine"/>.
/// The LiteDB store, the demo population reader and the schema generator are edges the commands that
/// need them open themselves.
/// </summary>
public static class Edges
{
    /// <summary>The engine over the edges the executable ships with. Stateless, so one serves the whole process.</summary>
    public static EngineServices Engine { get; } = new(new YamlProtocolReader(), new RoslynRuleCompiler(), new McMasterPluginLoader());

    /// <summary>
    /// How the commands screen: in the rule worker process (protocol-engine-rule-worker, beside this executable),
    /// so that a rule that overflows the stack, loops inside a library call or exhausts memory fails its own
    /// criterion and not the command.
    /// </summary>
    public static IScreener Screener(CompiledProtocol rules) => new IsolatedScreener(rules);
}
