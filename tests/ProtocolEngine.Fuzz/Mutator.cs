using System.Text;

namespace ProtocolEngine.Fuzz;

/// <summary>
/// Seeded mutations of corpus inputs for the short run inside <c>dotnet test</c> (the long runs use afl-fuzz's own):
/// bit flips, interesting bytes, deleted and repeated chunks (repeats build deep nesting), dictionary tokens,
/// interesting numbers and splices of two inputs. The same seed gives the same inputs on every machine.
/// </summary>
public sealed class Mutator(IReadOnlyList<byte[]> corpus, IReadOnlyList<byte[]> tokens, int seed)
{
    /// <summary>Mutated inputs are cut to this many bytes.</summary>
    public const int MaxLength = 64 * 1024;

    private static readonly byte[] InterestingBytes = [0, 0xff, 0x7f, 0x80, 0xc3, 0xe2, (byte)'\n', (byte)'\t', (byte)' ', (byte)'[', (byte)'{', (byte)':', (byte)'-', (byte)'"', (byte)'&', (byte)'*', (byte)'!', (byte)'#', (byte)','];

    private static readonly string[] InterestingNumbers = ["0", "-1", "1", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "1e308", "1e309", "-1e309", "1e-400", "0.1", "NaN", ".nan", ".inf", "-.inf", "00", "1_000", "0x10", "1,5", "9999-12-31", "0001-01-01", "2026-02-29"];

    private readonly Random _random = new(seed);

    /// <summary>The next mutated input.</summary>
    public byte[] Next()
    {
        var data = new List<byte>(corpus[_random.Next(corpus.Count)]);
        var steps = 1 + _random.Next(4);
        for (var i = 0; i < steps; i++)
            Mutate(data);
        if (data.Count > MaxLength) data.RemoveRange(MaxLength, data.Count - MaxLength);
        return [.. data];
    }

    private void Mutate(List<byte> data)
    {
        var at = data.Count == 0 ? 0 : _random.Next(data.Count);
        switch (_random.Next(8))
        {
            case 0 when data.Count > 0:
                data[at] ^= (byte)(1 << _random.Next(8));
                break;
            case 1 when data.Count > 0:
                data[at] = InterestingBytes[_random.Next(InterestingBytes.Length)];
                break;
            case 2 when data.Count > 0:
                data.RemoveRange(at, Math.Min(data.Count - at, 1 + _random.Next(64)));
                break;
            case 3 when data.Count > 0:
                var length = Math.Min(data.Count - at, 1 + _random.Next(32));
                var chunk = data.GetRange(at, length);
                var times = _random.Next(4) == 0 ? 1 + _random.Next(2000) : 1 + _random.Next(4);
                for (var t = 0; t < times && data.Count < MaxLength; t++)
                    data.InsertRange(_random.Next(data.Count + 1), chunk);
                break;
            case 4 when tokens.Count > 0:
                data.InsertRange(at, tokens[_random.Next(tokens.Count)]);
                break;
            case 5:
                ReplaceNumber(data, at);
                break;
            case 6 when corpus.Count > 1:
                var other = corpus[_random.Next(corpus.Count)];
                var from = other.Length == 0 ? 0 : _random.Next(other.Length);
                data.RemoveRange(at, data.Count - at);
                data.AddRange(other.AsSpan(from).ToArray());
                break;
            default:
                data.Insert(at, (byte)_random.Next(256));
                break;
        }
    }

    /// <summary>Replaces the run of digits at or after <paramref name="at"/> with an interesting number.</summary>
    private void ReplaceNumber(List<byte> data, int at)
    {
        var start = data.FindIndex(at, b => b is >= (byte)'0' and <= (byte)'9');
        if (start < 0) start = at;
        var end = start;
        while (end < data.Count && data[end] is >= (byte)'0' and <= (byte)'9' or (byte)'.') end++;
        data.RemoveRange(start, end - start);
        data.InsertRange(start, Encoding.ASCII.GetBytes(InterestingNumbers[_random.Next(InterestingNumbers.Length)]));
    }

    /// <summary>The tokens of an afl-fuzz dictionary file (<c>name="value"</c> lines, <c>\xNN</c>, <c>\\</c> and <c>\"</c> escapes).</summary>
    public static IReadOnlyList<byte[]> ReadDictionary(string path)
    {
        var tokens = new List<byte[]>();
        if (!File.Exists(path)) return tokens;
        foreach (var line in File.ReadLines(path))
        {
            var open = line.IndexOf('"');
            var close = line.LastIndexOf('"');
            if (line.TrimStart().StartsWith('#') || open < 0 || close <= open) continue;
            var body = line[(open + 1)..close];
            var bytes = new List<byte>();
            for (var i = 0; i < body.Length; i++)
            {
                if (body[i] == '\\' && i + 3 < body.Length && body[i + 1] == 'x')
                {
                    bytes.Add(Convert.ToByte(body.Substring(i + 2, 2), 16));
                    i += 3;
                }
                else if (body[i] == '\\' && i + 1 < body.Length)
                {
                    bytes.Add((byte)body[++i]);
                }
                else
                {
                    bytes.AddRange(Encoding.UTF8.GetBytes(body[i].ToString()));
                }
            }
            tokens.Add([.. bytes]);
        }
        return tokens;
    }
}
