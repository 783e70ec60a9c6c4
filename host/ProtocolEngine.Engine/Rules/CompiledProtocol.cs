using ProtocolEngine.Contracts.Rules;
using ProtocolEngine.Engine.Participants;

namespace ProtocolEngine.Engine.Rules;

/// <summary>
/// A protocol's rules, compiled and loaded in their own collectible context. Make a participant
/// with <see cref="Bind"/>, evaluate it through a <see cref="Screening.Screener"/>. Dispose unloads
/// the assembly (once nothing else holds a participant of it).
/// </summary>
public sealed class CompiledProtocol : IDisposable
{
    private RuleLoadContext? _context;
    private RuleParticipant? _prototype;

    internal CompiledProtocol(RulePlan plan, RuleLoadContext context, RuleParticipant prototype, bool fromCache, string cacheKey)
    {
        Plan = plan;
        _context = context;
        _prototype = prototype;
        FromCache = fromCache;
        CacheKey = cacheKey;
    }

    public RulePlan Plan { get; }

    /// <summary>True when the assembly came from the disk cache (Roslyn was not started).</summary>
    public bool FromCache { get; }

    public string CacheKey { get; }

    /// <summary>A new participant with no values.</summary>
    public RuleParticipant NewParticipant() =>
        (_prototype ?? throw new ObjectDisposedException(nameof(CompiledProtocol))).CreateNew();

    /// <summary>A participant holding the given (already checked) data.</summary>
    public RuleParticipant Bind(ParticipantData data)
    {
        var participant = NewParticipant();
        var variables = Plan.Variables;
        for (var i = 0; i < variables.Count; i++)
        {
            if (data.Values.TryGetValue(variables[i].Id, out var value))
                participant.Set(i, value);
        }
        return participant;
    }

    public void Dispose()
    {
        _prototype = null;
        _context?.Unload();
        _context = null;
    }
}
