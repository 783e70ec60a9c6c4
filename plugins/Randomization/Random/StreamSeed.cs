using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ProtocolEngine.Plugins.Randomization.Random;

/// <summary>
/// Derives an independent generator for each stream (a stratum's block sequence, one participant's draw)
/// from the trial seed: SHA-256 of the UTF-8 text "ProtocolEngine.Randomization/1\n{seed}\n{stream}"
/// (seed in decimal), whose first 8 bytes read little-endian seed <see cref="Xoshiro256StarStar.FromSeed"/>.
/// </summary>
internal static class StreamSeed
{
    public const string Domain = "ProtocolEngine.Randomization/1";

    public static Xoshiro256StarStar For(ulong seed, string stream)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{Domain}\n{seed}\n{stream}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Xoshiro256StarStar.FromSeed(BinaryPrimitives.ReadUInt64LittleEndian(hash));
    }
}
