using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Randomization;

namespace ProtocolEngine.Tests.Records.Support;

/// <summary>A test allocator: the first of a stratum to the first arm, the second to the second, and so on.</summary>
public sealed class AlternatingAllocator : IAllocator
{
    public List<AllocationRequest> Requests { get; } = [];

    public AllocatedArm Allocate(AllocationRequest request)
    {
        Requests.Add(request);
        var stratum = string.Join(";", request.Levels.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));
        return new AllocatedArm(request.Position % 2 == 0 ? "local" : "whole", $"{stratum}#{request.Position / 2 + 1}");
    }
}
