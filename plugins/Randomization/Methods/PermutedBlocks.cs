using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Plugins.Randomization.Methods;

/// <summary>Permuted blocks of randomly chosen sizes within each stratum.</summary>
internal sealed class PermutedBlocks : IAllocationMethod
{
    public string Allocate(RandomizationSettings settings, AllocationRequest request, string stratum)
    {
        foreach (var block in BlockSequence.Of(settings, stratum))
            if (request.Position < block.Start + block.Arms.Count)
                return block.Arms[request.Position - block.Start];
        throw new InvalidOperationException("The block sequence is endless; this line is never reached.");
    }

    public IEnumerable<AllocationListEntry> List(RandomizationSettings settings, string stratum, int count)
    {
        foreach (var block in BlockSequence.Of(settings, stratum))
        {
            if (block.Start >= count)
                yield break;
            for (var i = 0; i < block.Arms.Count; i++)
                yield return new AllocationListEntry(block.Start + i + 1, stratum, block.Id, block.Arms.Count, block.Arms[i]);
        }
    }
}
