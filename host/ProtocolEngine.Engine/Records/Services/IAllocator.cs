namespace ProtocolEngine.Engine.Records.Services;

/// <summary>
/// Chooses the arm for the next participant of a stratum (P3's randomization plugin implements it).
/// Called inside the randomization transaction: it must be deterministic for its inputs and do no I/O.
/// </summary>
public interface IAllocator
{
    AllocationResult Allocate(AllocationRequest request);
}
