using System.Runtime.CompilerServices;
using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Endpoints;
using ProtocolEngine.Engine.Loading;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Plugins;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Validation;

namespace ProtocolEngine.Cli.Records;

/// <summary>
/// The records commands' protocol source: protocol.yaml loaded, validated (plugin names included)
/// and compiled exactly as <c>validate</c> does. It keeps what it opened for the life of the command,
/// so the screening evaluator uses the compiled rules and the allocator the protocol's plugin.
/// </summary>
public sealed class YamlProtocolSource(CliConsole console) : IProtocolSource
{
    private sealed record Opened(OpenedProtocol Protocol, string Path);

    private readonly ConditionalWeakTable<Protocol, Opened> _opened = new();

    /// <summary>The plugins the protocol sees, loaded once per command: for checking its plugin names and for randomizing.</summary>
    private PluginCatalog? _catalog;

    public Protocol Load(string path)
    {
        _catalog ??= Edges.Engine.Plugins.Load(PluginFolders.ForProtocol(Path.GetDirectoryName(Path.GetFullPath(path))));
        var opened = ProtocolOpening.OpenOrRefuse(console, path, ValidationContext.From(_catalog));
        var protocol = opened.Load.Document!.Protocol;
        _opened.AddOrUpdate(protocol, new Opened(opened, path));
        return protocol;
    }

    public ProtocolDocument? DocumentOf(Protocol protocol) => _opened.TryGetValue(protocol, out var o) ? o.Protocol.Load.Document : null;

    /// <summary>The compiled rules, evaluated in the rule worker process (a rule cannot take this process down).</summary>
    public IScreeningEvaluator EvaluatorFor(Protocol protocol) =>
        new CompiledRulesEvaluator(Edges.Screener(Get(protocol).Protocol.Rules!));

    /// <summary>The protocol's randomization plugin, loaded from beside the executable or the protocol.</summary>
    public IAllocator AllocatorFor(Protocol protocol, AllocationSecret secret)
    {
        var opened = Get(protocol);
        var plan = protocol.Randomization
            ?? throw new CliInputException($"{opened.Path}: the protocol has no randomization section, so it cannot randomize.");
        // The catalog stays loaded for the rest of the command: the allocator runs inside the plugin's load context.
        var plugin = _catalog!.Find<IRandomizationPlugin>(plan.Plugin)
            ?? throw new CliInputException($"{opened.Path}: randomization plugin '{plan.Plugin}' is not installed; run `protocol-engine plugins` to see what loaded and why.");
        return new PluginAllocator(plugin, SealedAllocation.Apply(protocol, secret), secret.Seed);
    }

    /// <summary>The arms' CTV plugins, from the catalog this source loaded with the protocol.</summary>
    public ICtvSelector CtvSelectorFor(Protocol protocol)
    {
        Get(protocol);
        return new PluginCtvSelector(protocol, _catalog!);
    }

    /// <summary>The pain-response plugin the protocol's primary endpoint names, loaded like the randomization plugin.</summary>
    public IPainResponsePlugin PainResponseFor(Protocol protocol)
    {
        var opened = Get(protocol);
        var endpoint = EndpointService.PainEndpoint(protocol);
        var name = endpoint.Plugin
            ?? throw new CliInputException($"{opened.Path}: endpoint '{endpoint.Id}' names no pain-response plugin; add `plugin: PainResponse` to it.");
        return _catalog!.Find<IPainResponsePlugin>(name)
            ?? throw new CliInputException($"{opened.Path}: pain-response plugin '{name}' is not installed; run `protocol-engine plugins` to see what loaded and why.");
    }

    /// <summary>The statistics plugin the plan names (default Statistics), from the catalog this source loaded with the protocol.</summary>
    public IStatisticsPlugin StatisticsFor(Protocol protocol)
    {
        var opened = Get(protocol);
        var name = protocol.Statistics.Plugin ?? "Statistics";
        return _catalog!.Find<IStatisticsPlugin>(name)
            ?? throw new CliInputException($"{opened.Path}: statistics plugin '{name}' is not installed; run `protocol-engine plugins` to see what loaded and why.");
    }

    private Opened Get(Protocol protocol) => _opened.TryGetValue(protocol, out var opened)
        ? opened
        : throw new InvalidOperationException("The protocol was not loaded through this source.");
}
