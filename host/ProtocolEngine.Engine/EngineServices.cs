using ProtocolEngine.Engine.Loading;
using ProtocolEngine.Engine.Plugins;
using ProtocolEngine.Engine.Rules;
using ProtocolEngine.Engine.Validation;

namespace ProtocolEngine.Engine;

/// <summary>
/// The engine's entry services over the edges a host plugs in (as Cake's modules): how a protocol
/// file is read (<see cref="IProtocolReader"/>), how its rules are compiled (<see cref="IRuleCompiler"/>),
/// how a plugin assembly is loaded in a context of its own (<see cref="IPluginAssemblyLoader"/>). The
/// engine references no package; each technology lives in an edge project of its own, and the hosts
/// (the CLI, the tests, the benchmarks) choose them. Stateless: one instance serves a whole process.
/// </summary>
public sealed class EngineServices
{
    public EngineServices(IProtocolReader protocolReader, IRuleCompiler ruleCompiler, IPluginAssemblyLoader pluginAssemblies)
    {
        Plugins = new PluginCatalogLoader(pluginAssemblies);
        Loader = new ProtocolLoader(protocolReader);
        Rules = new ProtocolRules(ruleCompiler);
        Validation = new ProtocolValidation(Loader, Rules);
    }

    /// <summary>Reads a protocol file and its scripts into a document.</summary>
    public ProtocolLoader Loader { get; }

    /// <summary>A document's compiled rules, from the cache or compiled on a miss.</summary>
    public ProtocolRules Rules { get; }

    /// <summary>The plugins of the given folders, each in a load context of its own.</summary>
    public PluginCatalogLoader Plugins { get; }

    /// <summary>Load, check and compile: what <c>validate</c> does.</summary>
    public ProtocolValidation Validation { get; }
}
