namespace ProtocolEngine.Plugins.Randomization.Random;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014; Vigna's public-domain splitmix64.c): used only to expand a
/// 64-bit seed into the 256-bit state of <see cref="Xoshiro256StarStar"/>, as its authors recommend.
/// </summary>
internal struct SplitMix64(ulong state)
{
    private ulong _state = state;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
