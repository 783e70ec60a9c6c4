using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Rules;

/// <summary>
/// Compiled rule assemblies on disk, one file per cache key (<c>KEY.rules</c>) holding the image and the compile's
/// warnings (so a warm start reports the same warnings without compiling), authenticated with HMAC-SHA256 under the
/// installation's secret (<see cref="RuleCacheSecret"/>): a file that fails the check is never loaded. Files are
/// written owner-only (0600) under a temporary name and renamed, so a reader never sees half a file.
/// </summary>
public sealed class RuleAssemblyCache(string directory, byte[] secret)
{
    private static readonly byte[] Magic = "PERULES2"u8.ToArray();
    private const int MacLength = 32;
    private const int HeaderLength = 8 + MacLength + 4;

    public string Directory { get; } = directory;

    public string PathOf(string key) => Path.Combine(Directory, key + ".rules");

    /// <summary>Outcome of <see cref="TryRead"/>.</summary>
    public enum ReadResult { Missing, Hit, Rejected }

    public ReadResult TryRead(string key, out byte[] image, out IReadOnlyList<Diagnostic> warnings)
    {
        image = [];
        warnings = [];
        var path = PathOf(key);
        if (!File.Exists(path))
            return ReadResult.Missing;
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < HeaderLength || !bytes.AsSpan(0, 8).SequenceEqual(Magic))
            return ReadResult.Rejected;
        var expected = Mac(key, bytes.AsSpan(HeaderLength - 4));
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(8, MacLength)))
            return ReadResult.Rejected;
        var warningLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8 + MacLength));
        if (warningLength < 0 || warningLength > bytes.Length - HeaderLength)
            return ReadResult.Rejected;
        var text = Encoding.UTF8.GetString(bytes, HeaderLength, warningLength);
        warnings = text.Split('\n').Where(l => l.Length > 0).Select(Parse).ToList();
        image = bytes[(HeaderLength + warningLength)..];
        return ReadResult.Hit;
    }

    public void Write(string key, byte[] image, IReadOnlyList<Diagnostic> warnings)
    {
        OwnerOnlyFiles.CreateFolder(Directory);
        var text = Encoding.UTF8.GetBytes(string.Join('\n', warnings.Select(Format)));
        var file = new byte[HeaderLength + text.Length + image.Length];
        Magic.CopyTo(file, 0);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(8 + MacLength), text.Length);
        text.CopyTo(file, HeaderLength);
        image.CopyTo(file, HeaderLength + text.Length);
        Mac(key, file.AsSpan(HeaderLength - 4)).CopyTo(file, 8);
        OwnerOnlyFiles.WriteAtomically(PathOf(key), file);
    }

    public void Remove(string key) => File.Delete(PathOf(key));

    /// <summary>The MAC covers the key (a valid file cannot be renamed to stand for other inputs) and everything after it.</summary>
    private byte[] Mac(string key, ReadOnlySpan<byte> content)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        hmac.AppendData("protocol-engine-rule-cache/2\0"u8);
        hmac.AppendData(Encoding.UTF8.GetBytes(key));
        hmac.AppendData([0]);
        hmac.AppendData(content);
        return hmac.GetHashAndReset();
    }

    /// <summary>One diagnostic per line, tab-separated: code, severity, file, line, column, message.</summary>
    private static string Format(Diagnostic d) =>
        string.Join('\t', d.Code, d.Severity, Clean(d.Location.File), d.Location.Line, d.Location.Column, Clean(d.Message));

    private static Diagnostic Parse(string line)
    {
        var f = line.Split('\t', 6);
        if (f.Length != 6 || !Enum.TryParse<Severity>(f[1], out var severity))
            throw new IOException($"unreadable cached diagnostic '{line}'");
        var at = new SourceLocation(f[2], int.Parse(f[3], CultureInfo.InvariantCulture), int.Parse(f[4], CultureInfo.InvariantCulture));
        return new Diagnostic(f[0], severity, f[5], at);
    }

    private static string Clean(string text) => text.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
