using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Randomization;

/// <summary>
/// The records' allocator backed by the protocol's randomization plugin: the engine reveals one
/// allocation at the moment a participant is randomized, computed from the database's secret seed,
/// the participant's levels and position, and the earlier allocations (for minimization).
/// </summary>
public sealed class PluginAllocator : IAllocator
{
    private readonly IRandomizationPlugin _plugin;
    private readonly RandomizationSettings _settings;

    public PluginAllocator(IRandomizationPlugin plugin, Protocol protocol, string databaseSeed)
    {
        var plan = protocol.Randomization
            ?? throw new RecordRejectedException("randomization", $"protocol '{protocol.Id}' has no randomization section; it cannot randomize.");
        _plugin = plugin;
        _settings = RandomizationSettingsFactory.FromPlan(plan, protocol.Arms, SeedOf(databaseSeed));
        var issues = plugin.Validate(_settings);
        if (issues.Count > 0)
            throw new RecordRejectedException("randomization", string.Join("; ", issues.Select(i => $"{i.Field}: {i.Message}")));
    }

    /// <summary>
    /// The plugin's 64-bit seed from the database's secret seed text: the first 8 bytes (little
    /// endian) of its SHA-256, so the same database gives the same list on every machine.
    /// </summary>
    public static ulong SeedOf(string databaseSeed) =>
        BinaryPrimitives.ReadUInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(databaseSeed)));

    public AllocatedArm Allocate(AllocationRequest request)
    {
        var result = _plugin.Allocate(_settings, request);
        return new AllocatedArm(result.ArmId, BlockOf(request, result));
    }

    /// <summary>"stratum, block N of size S" for list methods (the list agrees with Allocate position by position); the stratum alone otherwise.</summary>
    private string BlockOf(AllocationRequest request, AllocationResult result)
    {
        if (_settings.Method == "minimization")
            return result.Stratum;
        var levels = _settings.Strata.ToDictionary(f => f, f => request.Levels.GetValueOrDefault(f, ""));
        var sequence = request.Position + 1;
        var entry = _plugin.GenerateList(_settings, [levels], sequence).FirstOrDefault(e => e.Sequence == sequence);
        if (entry is null || entry.ArmId != result.ArmId)
            throw new InvalidOperationException($"plugin '{_plugin.Name}' allocated {result.ArmId} at {result.Stratum} #{sequence} but its list says {entry?.ArmId ?? "nothing"}; the plugin breaks its contract.");
        return entry.BlockId is { } block ? $"{entry.Stratum} block {block} (size {entry.BlockSize})" : entry.Stratum;
    }
}
