using System.Text;
using ProtocolEngine.Engine.Diagnostics;

namespace ProtocolEngine.Engine.Loading;

/// <summary>
/// Reads a protocol, include or script file as text, refusing what would hurt or mislead: a device or
/// a pipe (read for ever, or block), a file over <see cref="ProtocolLimits.MaxFileBytes"/>, bytes that
/// are not UTF-8 and NUL characters, each with the line and column where it is.
/// </summary>
public static class ProtocolText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text, or null with <paramref name="problem"/> (code, place, message) set.</summary>
    /// <param name="file">The file to read.</param>
    /// <param name="what">How the message names the file ("'x.yaml'", "script 'a.csx'").</param>
    /// <param name="problem">Why the file was refused; its location is in the file itself, or 1:1 when the file as a whole is.</param>
    public static string? Read(string file, string what, out Diagnostic? problem)
    {
        problem = null;
        byte[] bytes;
        try
        {
            var info = new FileInfo(file);
            if (Directory.Exists(file))
                return Refuse(out problem, DiagnosticCodes.FileNotFound, file, $"{what} is a folder, not a file.");
            if (!info.Exists)
                return Refuse(out problem, DiagnosticCodes.FileNotFound, file, $"{what} does not exist.");
            // A device (/dev/zero), a pipe or a socket has no length: refused before it is opened, since
            // opening a pipe blocks and reading a device never ends. An empty file has nothing to read either.
            if (info.Length == 0)
                return Refuse(out problem, DiagnosticCodes.FileNotFound, file, $"{what} is empty or not a regular file (a device, a pipe); give a file with content.");
            if (info.Length > ProtocolLimits.MaxFileBytes)
                return Refuse(out problem, DiagnosticCodes.LimitExceeded, file, TooLarge(what, info.Length));
            bytes = ReadBounded(file);
            if (bytes.Length > ProtocolLimits.MaxFileBytes)
                return Refuse(out problem, DiagnosticCodes.LimitExceeded, file, TooLarge(what, bytes.Length));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Refuse(out problem, DiagnosticCodes.FileNotFound, file, $"{what} cannot be read ({ex.Message}).");
        }

        var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        string text;
        try
        {
            text = Strict.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = Math.Clamp(ex.Index, 0, bytes.Length - start);
            var before = Strict.GetString(bytes, start, offset);
            var (line, column) = Position(before, before.Length);
            problem = new Diagnostic(DiagnosticCodes.InvalidText, Severity.Error,
                $"{what} is not UTF-8 text: byte 0x{bytes[start + offset]:X2} at byte offset {start + offset} cannot start or continue a character; save the file as UTF-8.",
                new SourceLocation(file, line, column));
            return null;
        }
        var nul = text.IndexOf('\0');
        if (nul >= 0)
        {
            var (line, column) = Position(text, nul);
            problem = new Diagnostic(DiagnosticCodes.InvalidText, Severity.Error,
                $"{what} holds a NUL character; a protocol file is text: remove it (was the file saved in UTF-16, or is it binary?).",
                new SourceLocation(file, line, column));
            return null;
        }
        return text;
    }

    private static byte[] ReadBounded(string file)
    {
        // At most one byte over the limit is read, whatever the file claims its length to be.
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length <= ProtocolLimits.MaxFileBytes && (read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, ProtocolLimits.MaxFileBytes + 1 - buffer.Length))) > 0)
            buffer.Write(chunk, 0, read);
        return buffer.ToArray();
    }

    private static string TooLarge(string what, long bytes) =>
        $"{what} has {bytes:N0} bytes{(bytes > ProtocolLimits.MaxFileBytes ? " or more" : "")}; a protocol file may have at most {ProtocolLimits.MaxFileBytes:N0} bytes (4 MiB): split it with !include.";

    /// <summary>1-based line and column of a character offset.</summary>
    private static (int Line, int Column) Position(string text, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line, offset - lineStart + 1);
    }

    private static string? Refuse(out Diagnostic? problem, string code, string file, string message)
    {
        problem = new Diagnostic(code, Severity.Error, message, new SourceLocation(file, 1, 1));
        return null;
    }
}
