using ProtocolEngine.Engine.Records.Services;

namespace ProtocolEngine.Tests.Records.Support;

/// <summary>A test allocator: odd positions to the first arm, even to the second.</summary>
public sealed class AlternatingAllocator : IAllocator
{
    public List<AllocationRequest> Requests { get; } = [];

    public AllocationResult Allocate(AllocationRequest request)
    {
        Requests.Add(request);
        return new AllocationResult(request.Position % 2 == 1 ? "local" : "whole", $"{request.StratumKey}#{(request.Position + 1) / 2}");
    }
}
