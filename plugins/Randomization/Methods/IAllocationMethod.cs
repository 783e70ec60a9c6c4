using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Plugins.Randomization.Methods;

/// <summary>One allocation method, given settings already validated and the participant's stratum key.</summary>
internal interface IAllocationMethod
{
    string Allocate(RandomizationSettings settings, AllocationRequest request, string stratum);

    IEnumerable<AllocationListEntry> List(RandomizationSettings settings, string stratum, int count);
}
