using System.Buffers;
using System.IO.Compression;
using System.Text;

namespace ProtocolEngine.Storage.LiteDb;

/// <summary>
/// Brotli over UTF-8 text: what the store keeps of record and audit JSON. Quality 1 for what is rewritten
/// often (a participant's records, the open audit segment), 5 for a full audit segment, written once.
/// </summary>
internal static class Codec
{
    public const int Fast = 1, Dense = 5;
    private const int Window = 20;

    public static byte[] Compress(string text, int quality)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var buffer = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(bytes.Length));
        try
        {
            if (!BrotliEncoder.TryCompress(bytes, buffer, out var written, quality, Window))
                throw new InvalidOperationException("Compression failed.");
            return buffer.AsSpan(0, written).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static string Decompress(byte[] data)
    {
        using var input = new MemoryStream(data, writable: false);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(brotli, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
