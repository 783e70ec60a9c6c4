using System.Numerics;

namespace ProtocolEngine.Plugins.Randomization.Random;

/// <summary>
/// xoshiro256** 1.0 (Blackman and Vigna 2018, public-domain xoshiro256starstar.c), transcribed bit for bit:
/// integer operations only, so every machine and runtime gives the same numbers. Bounded integers use
/// Lemire's nearly divisionless method (2019), which is exactly unbiased.
/// </summary>
internal sealed class Xoshiro256StarStar
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Starts from an explicit state (not all zero), as the reference test vectors do.</summary>
    public Xoshiro256StarStar(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0)
            throw new ArgumentException("The xoshiro256** state must not be all zero.");
        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
    }

    /// <summary>Seeds the state with four outputs of SplitMix64 started at <paramref name="seed"/>.</summary>
    public static Xoshiro256StarStar FromSeed(ulong seed)
    {
        var mix = new SplitMix64(seed);
        return new Xoshiro256StarStar(mix.Next(), mix.Next(), mix.Next(), mix.Next());
    }

    public ulong Next()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), without modulo bias.</summary>
    public int NextBelow(int bound)
    {
        if (bound <= 0)
            throw new ArgumentOutOfRangeException(nameof(bound), bound, "The bound must be positive.");
        var n = (ulong)bound;
        var high = Math.BigMul(Next(), n, out var low);
        if (low < n)
        {
            var threshold = (0 - n) % n;
            while (low < threshold)
                high = Math.BigMul(Next(), n, out low);
        }
        return (int)high;
    }

    /// <summary>A uniform double in [0, 1) from the top 53 bits of one output.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));
}
