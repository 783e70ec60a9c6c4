using LiteDB;

namespace ProtocolEngine.Storage.LiteDb;

/// <summary>
/// Consecutive audit entries as one document: <c>{ _id: first sequence, n: count, z: Brotli(JSON lines) }</c>,
/// lines in ascending sequence order, each an entry's exact RecordJson text in UTF-8. Compressed together, an
/// entry's previous hash (the line before's hash), its protocol hash, user and field names cost almost
/// nothing. A segment takes new entries until it holds <see cref="Capacity"/>, then is written densely once.
/// </summary>
internal sealed class AuditSegment(long first)
{
    public const int Capacity = 128;

    private readonly List<long> _sequences = [];
    private readonly List<ReadOnlyMemory<byte>> _lines = [];

    public long First { get; private set; } = first;
    public int Count => _sequences.Count;
    public long Last => _sequences.Count == 0 ? First - 1 : _sequences[^1];
    public bool Dirty { get; set; }
    public bool Full => Count >= Capacity;
    public IReadOnlyList<long> Sequences => _sequences;
    public IReadOnlyList<ReadOnlyMemory<byte>> Lines => _lines;

    public static AuditSegment Decode(BsonDocument document)
    {
        var segment = new AuditSegment(document["_id"].AsInt64);
        var lines = Codec.Decompress(document["z"].AsBinary);
        var sequences = document["s"].AsBinary;
        var at = 0;
        foreach (var line in lines)
        {
            segment._sequences.Add(Varint.Read(sequences, ref at) + (segment._sequences.Count == 0 ? 0 : segment._sequences[^1]));
            segment._lines.Add(line);
        }
        if (segment._sequences.Count != document["n"].AsInt32 || at != sequences.Length)
            throw new LiteException(0, $"Damaged audit segment {segment.First}.");
        return segment;
    }

    public BsonDocument Encode()
    {
        var sequences = new List<byte>(Count * 2);
        for (var n = 0; n < Count; n++)
            Varint.Write(sequences, _sequences[n] - (n == 0 ? 0 : _sequences[n - 1]));
        return new BsonDocument
        {
            ["_id"] = First,
            ["n"] = Count,
            ["s"] = sequences.ToArray(),
            ["z"] = Codec.Compress(_lines, Full ? Codec.Dense : Codec.Fast),
        };
    }

    public bool Contains(long sequence) => _sequences.BinarySearch(sequence) >= 0;

    public void Add(long sequence, byte[] json)
    {
        var n = _sequences.BinarySearch(sequence);
        if (n >= 0) throw new InvalidOperationException($"Audit sequence {sequence} is taken.");
        n = ~n;
        _sequences.Insert(n, sequence);
        _lines.Insert(n, json);
        Dirty = true;
    }
}

/// <summary>Unsigned LEB128 integers: sequence lists at a byte or two an entry.</summary>
internal static class Varint
{
    public static void Write(List<byte> output, long value)
    {
        var v = (ulong)value;
        while (v >= 0x80)
        {
            output.Add((byte)(v | 0x80));
            v >>= 7;
        }
        output.Add((byte)v);
    }

    public static long Read(byte[] input, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (at >= input.Length) throw new LiteException(0, "Damaged sequence list.");
            var b = input[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return (long)value;
        }
        throw new LiteException(0, "Damaged sequence list.");
    }

    public static List<long> ReadAll(byte[] input)
    {
        var list = new List<long>();
        var at = 0;
        while (at < input.Length) list.Add(Read(input, ref at));
        return list;
    }
}
