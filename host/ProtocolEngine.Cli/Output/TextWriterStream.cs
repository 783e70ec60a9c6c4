using System.Text;

namespace ProtocolEngine.Cli.Output;

/// <summary>
/// A write-only stream of UTF-8 bytes that go to a <see cref="TextWriter"/> as text, so that writers of bytes
/// (Utf8JsonWriter) can stream to the console the commands write to. A character split across writes is kept
/// until its last byte comes. Disposing does not close the text writer.
/// </summary>
public sealed class TextWriterStream(TextWriter text) : Stream
{
    private readonly Decoder _decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
    private char[] _chars = new char[4096];

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var needed = _decoder.GetCharCount(buffer, flush: false);
        if (needed > _chars.Length) _chars = new char[Math.Max(needed, _chars.Length * 2)];
        var n = _decoder.GetChars(buffer, _chars, flush: false);
        text.Write(_chars, 0, n);
    }

    public override void Flush() => text.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
