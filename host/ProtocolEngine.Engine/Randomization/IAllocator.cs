using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Engine.Randomization;

/// <summary>
/// Chooses the arm for the next participant of a stratum (the protocol's randomization plugin, through
/// <see cref="Randomization.PluginAllocator"/>). The request is the plugin contract's own: the
/// participant's factor levels, how many of the stratum were randomized before, and every earlier
/// allocation. Called inside the randomization transaction: it must be deterministic for its inputs and do no I/O.
/// </summary>
public interface IAllocator
{
    AllocatedArm Allocate(AllocationRequest request);
}
