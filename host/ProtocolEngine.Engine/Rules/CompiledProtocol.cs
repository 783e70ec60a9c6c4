using ProtocolEngine.Contracts.Rules;
using ProtocolEngine.Engine.Participants;

namespace ProtocolEngine.Engine.Rules;

/// <summary>
/// A protocol's compiled rules: the assembly image, loaded into this process (in a collectible context of
/// its own) only when a participant is first made here with <see cref="NewParticipant"/> or <see cref="Bind"/>;
/// the isolated screener sends the <see cref="Image"/> to a worker process instead and never loads it here.
/// Dispose unloads the assembly (once nothing else holds a participant of it).
/// </summary>
public sealed class CompiledProtocol : IDisposable
{
    private readonly Lock _lock = new();
    private RuleLoadContext? _context;
    private RuleParticipant? _prototype;
    private bool _disposed;

    internal CompiledProtocol(RulePlan plan, byte[] image, bool fromCache, string cacheKey)
    {
        Plan = plan;
        Image = image;
        FromCache = fromCache;
        CacheKey = cacheKey;
    }

    public RulePlan Plan { get; }

    /// <summary>True when the assembly came from the disk cache (Roslyn was not started).</summary>
    public bool FromCache { get; }

    public string CacheKey { get; }

    /// <summary>The compiled assembly (references only the runtime and the contracts).</summary>
    public ReadOnlyMemory<byte> Image { get; }

    /// <summary>A new participant with no values.</summary>
    public RuleParticipant NewParticipant() => Prototype().CreateNew();

    private RuleParticipant Prototype()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_prototype is null)
            {
                var (context, prototype) = RuleImageLoader.Load(Image, $"rules:{Plan.Protocol.Id}:{CacheKey[..12]}");
                (_context, _prototype) = (context, prototype);
            }
            return _prototype;
        }
    }

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
        lock (_lock)
        {
            _disposed = true;
            _prototype = null;
            _context?.Unload();
            _context = null;
        }
    }
}
