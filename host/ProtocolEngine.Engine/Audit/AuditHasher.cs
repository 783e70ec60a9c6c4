using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Audit;

/// <summary>Hash chain of the audit trail: SHA-256 over the previous hash and the entry's content without its own hash.</summary>
public static class AuditHasher
{
    public static readonly string Genesis = new('0', 64);

    /// <summary>Reused per thread: every entry written and every entry verified is hashed (half a million in a large trial).</summary>
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    /// <summary>
    /// SHA-256 of the UTF-8 text <c>PreviousHash + "\n" + RecordJson(entry with Hash = "")</c>, in lower-case hex. The
    /// entry is serialized straight to UTF-8 into a reused buffer, so no string of the entry is made.
    /// </summary>
    public static string Compute(AuditEntry entry)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var prefix = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(entry.PreviousHash.Length) + 1);
        var written = Encoding.UTF8.GetBytes(entry.PreviousHash, prefix);
        prefix[written] = (byte)'\n';
        buffer.Advance(written + 1);
        var writer = _writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = RecordJson.Options.Encoder, Indented = false, SkipValidation = true });
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, entry with { Hash = "" }, RecordJson.Options);
        writer.Flush();
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash);
    }
}
