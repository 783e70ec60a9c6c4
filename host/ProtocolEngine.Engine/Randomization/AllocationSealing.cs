using System.Security.Cryptography;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Randomization;

/// <summary>
/// `randomization seal`: a statistician (or an administrator) enters the allocation secret (the seed, and the block
/// sizes when the protocol states only the method) before the first randomization. It is sealed under a new
/// randomization key (<see cref="SealedAllocation"/>), which is sealed to every active user who may randomize or see
/// the list, all in one audited, signed transaction.
/// </summary>
public sealed class AllocationSealing(TrialSession session)
{
    /// <summary>The largest block size (a block is drawn whole).</summary>
    public const int MaxBlockSize = 1_000;

    /// <summary>The largest block weight.</summary>
    public const int MaxWeight = 1_000_000;

    /// <summary>Seals the secret; <paramref name="seed"/> null makes a random 256-bit one. Returns the users given the key.</summary>
    public IReadOnlyList<string> Seal(string? seed, IReadOnlyList<int> blockSizes, IReadOnlyList<int> weights)
    {
        var protocol = session.Protocol;
        var plan = protocol.Randomization
            ?? throw new RecordRejectedException("randomization", $"protocol '{protocol.Id}' has no randomization section; there is nothing to seal.");
        Check(blockSizes, weights, plan.Method, plan.BlockSizes.Count > 0, protocol.Arms.Sum(a => a.Ratio));
        if (seed is { Length: < 16 })
            throw new RecordRejectedException("seed", "A seed entered by hand must have at least 16 characters (or leave it out: a random 256-bit seed is made).");
        var secret = new AllocationSecret
        {
            Seed = seed ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(32)), BlockSizes = [.. blockSizes], BlockSizeWeights = [.. weights],
        };
        return session.Write(Permission.SealRandomization, w =>
        {
            if (w.Reader.Count<RandomizationRecord>() is var done and > 0)
                throw new RecordRejectedException("randomization", $"{done} participants were already randomized with the sealed secret; it cannot change now "
                    + "(the allocations made would no longer follow from it).");
            var key = SealedAllocation.Seal(w, protocol.Id, secret, $"allocation secret sealed by {session.User.Id}");
            var given = new List<string>();
            foreach (var user in w.Reader.All<UserAccount>().Where(u => u.Active && u.ExchangeKey is not null && SealedAllocation.Holds(u.Role)))
            {
                w.Change(user, SealedAllocation.Give(user, key), "randomization-key", "the randomization key, sealed to the user's own key");
                given.Add(user.Id);
            }
            if (session.Keys is { } keys && SealedAllocation.Holds(session.User.Role)) keys.RandomizationKey = key;
            return given;
        });
    }

    private static void Check(IReadOnlyList<int> sizes, IReadOnlyList<int> weights, string method, bool protocolStatesSizes, int ratioSum)
    {
        if (method == "permuted-blocks" && sizes.Count == 0 && !protocolStatesSizes)
            throw new RecordRejectedException("--block-sizes", "permuted-blocks needs block sizes and the protocol states none; give them, e.g. --block-sizes 2,4.");
        if (method != "permuted-blocks" && sizes.Count > 0)
            throw new RecordRejectedException("--block-sizes", $"the protocol's method is {method}, which has no blocks; leave --block-sizes out.");
        foreach (var size in sizes)
        {
            if (size < 1 || size > MaxBlockSize)
                throw new RecordRejectedException("--block-sizes", $"block size {size} is outside 1-{MaxBlockSize}.");
            if (ratioSum > 0 && size % ratioSum != 0)
                throw new RecordRejectedException("--block-sizes", $"block size {size} cannot hold the arms' ratio (sum {ratioSum}); use a multiple of {ratioSum}.");
        }
        if (weights.Count > 0 && weights.Count != sizes.Count)
            throw new RecordRejectedException("--block-weights", $"{weights.Count} weights for {sizes.Count} block sizes; give one weight per size.");
        if (weights.FirstOrDefault(x => x < 1 || x > MaxWeight) is var bad and not 0)
            throw new RecordRejectedException("--block-weights", $"block weight {bad} is outside 1-{MaxWeight}.");
        if (weights.Contains(0))
            throw new RecordRejectedException("--block-weights", $"block weight 0 is outside 1-{MaxWeight}.");
    }
}
