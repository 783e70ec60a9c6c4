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

    public static byte[] Compress(IReadOnlyList<ReadOnlyMemory<byte>> lines, int quality)
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
                lines[n].Span.CopyTo(joined.AsSpan(at));
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

    /// <summary>
    /// The lines of what <see cref="Compress"/> made (an empty text is one empty line), as slices of one array: a
    /// bucket's records cost one allocation, not one each. Decoded in one call (no decoder instance per bucket).
    /// </summary>
    public static List<ReadOnlyMemory<byte>> Decompress(byte[] data)
    {
        var output = ArrayPool<byte>.Shared.Rent(Math.Max(16 * 1024, data.Length * 8));
        try
        {
            // One call does it when the guess is large enough; otherwise (or for damaged data, which the one-shot call
            // does not tell apart) a decoder works through it and says which.
            if (BrotliDecoder.TryDecompress(data, output, out var written))
                return Lines(output.AsSpan(0, written).ToArray());
            using var decoder = new BrotliDecoder();
            int read = 0;
            written = 0;
            while (true)
            {
                var status = decoder.Decompress(data.AsSpan(read), output.AsSpan(written), out var consumed, out var produced);
                read += consumed;
                written += produced;
                if (status == OperationStatus.Done) return Lines(output.AsSpan(0, written).ToArray());
                if (status != OperationStatus.DestinationTooSmall)
                    throw new LiteDB.LiteException(0, "Damaged compressed block: the file was changed outside protocol-engine or is corrupt.");
                var larger = ArrayPool<byte>.Shared.Rent(output.Length * 2);
                output.AsSpan(0, written).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(output);
                output = larger;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(output);
        }
    }

    private static List<ReadOnlyMemory<byte>> Lines(byte[] text)
    {
        var lines = new List<ReadOnlyMemory<byte>>();
        var at = 0;
        while (true)
        {
            var end = Array.IndexOf(text, NewLine, at);
            if (end < 0)
            {
                lines.Add(new ReadOnlyMemory<byte>(text, at, text.Length - at));
                return lines;
            }
            lines.Add(new ReadOnlyMemory<byte>(text, at, end - at));
            at = end + 1;
        }
    }
}
