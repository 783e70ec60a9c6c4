using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Treatment;

namespace ProtocolEngine.Cli.Records;

/// <summary>
/// Everything the records commands take from outside: the protocol source, the screening evaluator,
/// the allocator, the environment, the terminal for prompts and the clock. <see cref="Default"/> wires
/// protocol.yaml, its compiled rules and its randomization plugin; tests may substitute any of them.
/// </summary>
public sealed record RecordsCliServices
{
    public required IProtocolSource Protocols { get; init; }
    public required Func<Protocol, IScreeningEvaluator> Evaluators { get; init; }

    /// <summary>Builds the allocator for a protocol from the allocation secret the user opened (<see cref="SealedAllocation"/>).</summary>
    public required Func<Protocol, AllocationSecret, IAllocator> Allocators { get; init; }

    /// <summary>Builds the arms' CTV selector for a protocol (target volumes at randomization); null: none is recorded.</summary>
    public Func<Protocol, ICtvSelector>? CtvSelectors { get; init; }

    /// <summary>The protocol's pain-response plugin (for `endpoints`); null when this host cannot assess endpoints.</summary>
    public Func<Protocol, IPainResponsePlugin>? PainResponse { get; init; }

    /// <summary>The protocol's statistics plugin (for `report`); null when this host cannot compute the analysis.</summary>
    public Func<Protocol, IStatisticsPlugin>? Statistics { get; init; }
    public required Func<string, string?> Environment { get; init; }
    public required Prompt Prompt { get; init; }
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The real services: protocol.yaml with compiled rules, the protocol's randomization plugin, the process environment and console.</summary>
    public static RecordsCliServices Default(TextWriter error)
    {
        var source = new YamlProtocolSource(new CliConsole(TextWriter.Null, error));
        return new RecordsCliServices
        {
            Protocols = source,
            Evaluators = source.EvaluatorFor,
            Allocators = source.AllocatorFor,
            CtvSelectors = source.CtvSelectorFor,
            PainResponse = source.PainResponseFor,
            Statistics = source.StatisticsFor,
            Environment = System.Environment.GetEnvironmentVariable,
            Prompt = Prompt.FromConsole(),
        };
    }
}
