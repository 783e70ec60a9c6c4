using System.Security.Cryptography;
using System.Text;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Records.Services;

/// <summary>
/// Permuted blocks per stratum, derived from a secret seed kept in the encrypted database: block k
/// of a stratum draws its size from the plan's block sizes and shuffles the arms by their ratio with
/// a generator seeded by SHA-256(seed, stratum, k). The list is concealed (the seed is secret) and
/// reproducible. Used until the randomization plugin (P3) is wired.
/// </summary>
public sealed class SeededBlockAllocator(Protocol protocol, string seed) : IAllocator
{
    public AllocationResult Allocate(AllocationRequest request)
    {
        if (request.Position < 1) throw new ArgumentOutOfRangeException(nameof(request), "Positions start at 1.");
        var start = 1;
        for (var k = 0; ; k++)
        {
            var block = Block(request.StratumKey, k);
            if (request.Position < start + block.Count)
                return new AllocationResult(block[request.Position - start], $"{request.StratumKey}#{k + 1}");
            start += block.Count;
        }
    }

    private List<string> Block(string stratum, int k)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}|{stratum}|{k}"));
        var random = new Random(BitConverter.ToInt32(hash, 0));
        var unit = protocol.Arms.SelectMany(a => Enumerable.Repeat(a.Id, a.Ratio)).ToList();
        var sizes = protocol.Randomization?.BlockSizes.Where(s => s % unit.Count == 0).ToList() is { Count: > 0 } s ? s : [unit.Count * 2];
        var size = sizes[random.Next(sizes.Count)];
        var block = Enumerable.Range(0, size / unit.Count).SelectMany(_ => unit).ToList();
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(block));
        return block;
    }
}
