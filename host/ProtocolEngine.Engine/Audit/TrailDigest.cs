using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ProtocolEngine.Engine.Audit;

/// <summary>
/// 128-bit digests (SHA-256, truncated) of a record's key and of its JSON, so that the verifier can remember
/// what the trail says about every record in a fixed 32 bytes each instead of the JSON itself.
/// </summary>
internal static class TrailDigest
{
    private const int StackLimit = 1024;

    /// <summary>The key of a record: its collection (letters, digits and '_' only) and its id, separated by a character no collection name holds.</summary>
    public static UInt128 Key(string collection, string id) => Of(string.Concat(collection, "\0", id));

    /// <summary>The digest of a value; null (no value) is zero, which no SHA-256 prefix is in practice.</summary>
    public static UInt128 Value(string? json) => json is null ? UInt128.Zero : Of(json);

    private static UInt128 Of(string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        var buffer = max <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer[..length], hash);
            return BinaryPrimitives.ReadUInt128LittleEndian(hash);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
