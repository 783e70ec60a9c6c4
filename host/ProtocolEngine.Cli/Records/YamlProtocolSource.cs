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
using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Rules;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Cli.Records;

/// <summary>
/// The records commands' protocol source: protocol.yaml loaded, validated (plugin names included)
/// and compiled exactly as <c>validate</c> does. It keeps what it opened for the life of the command,
/// so the screening evaluator uses the compiled rules and the allocator the protocol's plugin.
/// A protocol this installation already validated, from the same sources and against the same plugins
/// (<see cref="ValidatedProtocolCache"/>), is not validated again: its warnings are reported as before, and the
/// plugins and compiled rules are loaded only when a command asks for them.
/// </summary>
public sealed class YamlProtocolSource(CliConsole console) : IProtocolSource
{
    private sealed class Opened(ProtocolDocument document, string path, Func<CompiledProtocol> rules)
    {
        private CompiledProtocol? _rules;
        public ProtocolDocument Document => document;
        public string Path => path;
        public CompiledProtocol Rules => _rules ??= rules();
    }

    private readonly ConditionalWeakTable<Protocol, Opened> _opened = new();

    /// <summary>The plugins the protocol sees, loaded once per command, when first needed: for checking its plugin names and for randomizing.</summary>
    private PluginCatalog? _catalog;
    private IReadOnlyList<string> _pluginFolders = [];

    public Protocol Load(string path)
    {
        _pluginFolders = PluginFolders.ForProtocol(Path.GetDirectoryName(Path.GetFullPath(path)));
        var cache = ValidatedProtocolCache.Open(RuleOptions.Default);
        if (cache is not null && Edges.Engine.Loader.Load(path, new DiagnosticBag()).Document is { } document
            && cache.TryRead(ValidatedProtocolCache.KeyOf(document, _pluginFolders)) is { } known)
        {
            foreach (var warning in known.Warnings)
                console.Error.WriteLine(warning);
            ProtocolFingerprint.Remember(document.Protocol, document.Scripts, known.ProtocolHash);
            _opened.AddOrUpdate(document.Protocol, new Opened(document, path, () => RulesOf(document, path)));
            return document.Protocol;
        }

        var opened = ProtocolOpening.OpenOrRefuse(console, path, ValidationContext.From(Catalog));
        var validated = opened.Load.Document!;
        var protocolHash = ProtocolFingerprint.HashOf(validated.Protocol, validated.Scripts);
        cache?.Write(ValidatedProtocolCache.KeyOf(validated, _pluginFolders), new ValidatedProtocolCache.Entry(protocolHash, opened.Load.Diagnostics));
        ProtocolFingerprint.Remember(validated.Protocol, validated.Scripts, protocolHash);
        _opened.AddOrUpdate(validated.Protocol, new Opened(validated, path, () => opened.Rules!));
        return validated.Protocol;
    }

    /// <summary>The catalog of the protocol's plugin folders (<see cref="Load"/> names them), loaded on first use.</summary>
    private PluginCatalog Catalog => _catalog ??= Edges.Engine.Plugins.Load(_pluginFolders);

    /// <summary>
    /// The compiled rules of a protocol that validated before: from the rule cache, or compiled again when it was
    /// cleared or failed its integrity check (which is reported; its other warnings were reported with the protocol's).
    /// </summary>
    private CompiledProtocol RulesOf(ProtocolDocument document, string path)
    {
        var result = Edges.Engine.Rules.Load(document);
        foreach (var problem in result.Diagnostics.Where(d => d.Code == DiagnosticCodes.RuleCache))
            console.Error.WriteLine(problem);
        return result.Rules ?? throw new CliInputException(
            $"{path}: the rules did not compile ({string.Join("; ", result.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()))}); `protocol-engine validate {path}` lists the problems.");
    }

    public ProtocolDocument? DocumentOf(Protocol protocol) => _opened.TryGetValue(protocol, out var o) ? o.Document : null;

    /// <summary>The compiled rules, evaluated in the rule worker process (a rule cannot take this process down).</summary>
    public IScreeningEvaluator EvaluatorFor(Protocol protocol) =>
        new CompiledRulesEvaluator(Edges.Screener(Get(protocol).Rules));

    /// <summary>The protocol's randomization plugin, loaded from beside the executable or the protocol.</summary>
    public IAllocator AllocatorFor(Protocol protocol, AllocationSecret secret)
    {
        var opened = Get(protocol);
        var plan = protocol.Randomization
            ?? throw new CliInputException($"{opened.Path}: the protocol has no randomization section, so it cannot randomize.");
        // The catalog stays loaded for the rest of the command: the allocator runs inside the plugin's load context.
        var plugin = Catalog.Find<IRandomizationPlugin>(plan.Plugin)
            ?? throw new CliInputException($"{opened.Path}: randomization plugin '{plan.Plugin}' is not installed; run `protocol-engine plugins` to see what loaded and why.");
        return new PluginAllocator(plugin, SealedAllocation.Apply(protocol, secret), secret.Seed);
    }

    /// <summary>The arms' CTV plugins, from the catalog this source loaded with the protocol.</summary>
    public ICtvSelector CtvSelectorFor(Protocol protocol)
    {
        Get(protocol);
        return new PluginCtvSelector(protocol, Catalog);
    }

    /// <summary>The pain-response plugin the protocol's primary endpoint names, loaded like the randomization plugin.</summary>
    public IPainResponsePlugin PainResponseFor(Protocol protocol)
    {
        var opened = Get(protocol);
        var endpoint = EndpointService.PainEndpoint(protocol);
        var name = endpoint.Plugin
            ?? throw new CliInputException($"{opened.Path}: endpoint '{endpoint.Id}' names no pain-response plugin; add `plugin: PainResponse` to it.");
        return Catalog.Find<IPainResponsePlugin>(name)
            ?? throw new CliInputException($"{opened.Path}: pain-response plugin '{name}' is not installed; run `protocol-engine plugins` to see what loaded and why.");
    }

    /// <summary>The statistics plugin the plan names (default Statistics), from the catalog this source loaded with the protocol.</summary>
    public IStatisticsPlugin StatisticsFor(Protocol protocol)
    {
        var opened = Get(protocol);
        var name = protocol.Statistics.Plugin ?? "Statistics";
        return Catalog.Find<IStatisticsPlugin>(name)
            ?? throw new CliInputException($"{opened.Path}: statistics plugin '{name}' is not installed; run `protocol-engine plugins` to see what loaded and why.");
    }

    private Opened Get(Protocol protocol) => _opened.TryGetValue(protocol, out var opened)
        ? opened
        : throw new InvalidOperationException("The protocol was not loaded through this source.");
}
