using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Records.Services;

namespace ProtocolEngine.Cli.Records;

/// <summary>
/// Everything the records commands take from outside: the protocol source, the screening evaluator,
/// the allocator, the environment, the terminal for prompts and the clock. The one seam to wire:
/// the YAML loader (Protocols), P2's evaluator (Evaluators) and P3's randomization plugin (Allocators).
/// </summary>
public sealed record RecordsCliServices
{
    public required IProtocolSource Protocols { get; init; }
    public required Func<Protocol, IScreeningEvaluator> Evaluators { get; init; }

    /// <summary>Builds the allocator for a protocol; the string is the database's secret allocation seed.</summary>
    public required Func<Protocol, string, IAllocator> Allocators { get; init; }
    public required Func<string, string?> Environment { get; init; }
    public required Prompt Prompt { get; init; }
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public static RecordsCliServices Default() => new()
    {
        Protocols = new JsonProtocolSource(),
        Evaluators = p => new UnevaluatedScreening(p),
        Allocators = (p, seed) => new SeededBlockAllocator(p, seed),
        Environment = System.Environment.GetEnvironmentVariable,
        Prompt = Prompt.FromConsole(),
    };
}
