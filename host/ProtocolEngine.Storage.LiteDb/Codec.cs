using System.Buffers;
using System.IO.Compression;

namespace ProtocolEngine.Storage.LiteDb;

/// <summary>
/// Brotli over UTF-8 JSON lines joined by '\n': what the store keeps of record and audit JSON. Quality 1 for
/// what is rewritten often (a participant's records, the open audit segment), 5 for a full audit segment,
/// written once. Joining and compressing go through pooled buffers, so re-encoding a bucket or the open audit
/// segment at every commit allocates only its compressed bytes (no large-object-heap garbage to collect).
/// </summary>
internal static class Codec
{
    public const int Fast = 1, Dense = 5;
    private const int Window = 20;
    private const byte NewLine = (byte)'\n';

    public static byte[] Compress(IReadOnlyList<byte[]> lines, int quality)
    {
        var length = Math.Max(0, lines.Count - 1);
        foreach (var line in lines) length += line.Length;
        var joined = ArrayPool<byte>.Shared.Rent(Math.Max(1, length));
        var buffer = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(length));
        try
        {
            var at = 0;
            for (var n = 0; n < lines.Count; n++)
            {
                if (n > 0) joined[at++] = NewLine;
                lines[n].CopyTo(joined, at);
                at += lines[n].Length;
            }
            if (!BrotliEncoder.TryCompress(joined.AsSpan(0, length), buffer, out var written, quality, Window))
                throw new InvalidOperationException("Compression failed.");
            return buffer.AsSpan(0, written).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(joined);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The lines of what <see cref="Compress"/> made (an empty text is one empty line, as before).</summary>
    public static List<byte[]> Decompress(byte[] data)
    {
        var output = ArrayPool<byte>.Shared.Rent(Math.Max(16 * 1024, data.Length * 6));
        try
        {
            using var decoder = new BrotliDecoder();
            int read = 0, written = 0;
            while (true)
            {
                var status = decoder.Decompress(data.AsSpan(read), output.AsSpan(written), out var consumed, out var produced);
                read += consumed;
                written += produced;
                if (status == OperationStatus.Done) break;
                if (status == OperationStatus.DestinationTooSmall)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(output.Length * 2);
                    output.AsSpan(0, written).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(output);
                    output = larger;
                    continue;
                }
                throw new LiteDB.LiteException(0, "Damaged compressed block: the file was changed outside protocol-engine or is corrupt.");
            }
            var lines = new List<byte[]>();
            var text = output.AsSpan(0, written);
            while (true)
            {
                var end = text.IndexOf(NewLine);
                if (end < 0)
                {
                    lines.Add(text.ToArray());
                    return lines;
                }
                lines.Add(text[..end].ToArray());
                text = text[(end + 1)..];
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(output);
        }
    }
}
