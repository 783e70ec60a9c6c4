using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Records;
using ProtocolEngine.Engine.Records.Services;
using RecordsRequest = ProtocolEngine.Engine.Records.Services.AllocationRequest;
using RecordsResult = ProtocolEngine.Engine.Records.Services.AllocationResult;

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

    public RecordsResult Allocate(RecordsRequest request)
    {
        var result = _plugin.Allocate(_settings, new Contracts.Plugins.AllocationRequest
        {
            Levels = request.Factors,
            // The records count list positions from 1; the plugin counts those randomized before (from 0).
            Position = request.Position - 1,
            Prior = request.PriorAllocations.Select(p => new Contracts.Plugins.PriorAllocation(p.ArmId, p.Factors)).ToList(),
        });
        return new RecordsResult(result.ArmId, BlockOf(request, result));
    }

    /// <summary>"stratum, block N of size S" for list methods (the list agrees with Allocate position by position); the stratum alone otherwise.</summary>
    private string BlockOf(RecordsRequest request, Contracts.Plugins.AllocationResult result)
    {
        if (_settings.Method == "minimization")
            return result.Stratum;
        var levels = _settings.Strata.ToDictionary(f => f, f => request.Factors.GetValueOrDefault(f, ""));
        var entry = _plugin.GenerateList(_settings, [levels], request.Position).FirstOrDefault(e => e.Sequence == request.Position);
        if (entry is null || entry.ArmId != result.ArmId)
            throw new InvalidOperationException($"plugin '{_plugin.Name}' allocated {result.ArmId} at {result.Stratum} #{request.Position} but its list says {entry?.ArmId ?? "nothing"}; the plugin breaks its contract.");
        return entry.BlockId is { } block ? $"{entry.Stratum} block {block} (size {entry.BlockSize})" : entry.Stratum;
    }
}
