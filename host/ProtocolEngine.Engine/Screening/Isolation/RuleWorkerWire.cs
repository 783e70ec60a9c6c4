namespace ProtocolEngine.Engine.Screening.Isolation;

/// <summary>
/// The compact binary protocol between the coordinator and a rule worker, over the worker's stdin and stdout
/// (<see cref="BinaryWriter"/>, little-endian, strings length-prefixed UTF-8).
/// <list type="bullet">
/// <item>worker, once started: <c>Ready</c>, version.</item>
/// <item><c>Unload</c>, key: the worker forgets those rules (the coordinator keeps at most 8 loaded in a worker).</item>
/// <item><c>Load</c>, key, image length, image: the worker loads the compiled rules; answers <c>Loaded</c>, ok, message.</item>
/// <item><c>Evaluate</c>, key, time limit (TimeSpan ticks), value count, (variable index, tagged value)...,
/// rule count, rule index...: the worker answers one <c>Result</c> per rule as it finishes (flushed, so the
/// coordinator knows which rule was running when the worker died), then <c>Done</c>. A result is the rule index,
/// the verdict, then for unknown the missing variables, for error the message.
/// After a memory failure the worker sends <c>Exiting</c> and ends (its heap may be full of the rule's objects).</item>
/// </list>
/// Values are tagged: int, double, bool, date (day number), string, an array of one of those, records (an array of
/// field maps).
/// </summary>
internal static class RuleWorkerWire
{
    public const int Version = 1;

    public const byte Ready = (byte)'R', Load = (byte)'L', Loaded = (byte)'l', Unload = (byte)'U', Evaluate = (byte)'E', Result = (byte)'r', Done = (byte)'d', Exiting = (byte)'x';

    private const byte Int = 1, Double = 2, Bool = 3, Date = 4, Text = 5, Records = 6, ArrayOf = 0x10;

    /// <summary>Messages longer than this are cut: a rule cannot make the coordinator hold a huge string.</summary>
    public const int MaxMessage = 2000;

    public static void WriteValue(BinaryWriter w, object value)
    {
        switch (value)
        {
            case int i: w.Write(Int); w.Write(i); break;
            case double d: w.Write(Double); w.Write(d); break;
            case bool b: w.Write(Bool); w.Write(b); break;
            case DateOnly date: w.Write(Date); w.Write(date.DayNumber); break;
            case string s: w.Write(Text); w.Write(s); break;
            case int[] a: WriteArray(w, Int, a, (x, v) => x.Write(v)); break;
            case double[] a: WriteArray(w, Double, a, (x, v) => x.Write(v)); break;
            case bool[] a: WriteArray(w, Bool, a, (x, v) => x.Write(v)); break;
            case DateOnly[] a: WriteArray(w, Date, a, (x, v) => x.Write(v.DayNumber)); break;
            case string[] a: WriteArray(w, Text, a, (x, v) => x.Write(v)); break;
            case IReadOnlyList<IReadOnlyDictionary<string, object>> records:
                w.Write(Records);
                w.Write(records.Count);
                foreach (var record in records)
                {
                    w.Write(record.Count);
                    foreach (var (name, field) in record)
                    {
                        w.Write(name);
                        WriteValue(w, field);
                    }
                }
                break;
            default:
                throw new ArgumentException($"a participant value of type {value.GetType().Name} cannot be sent to the rule worker", nameof(value));
        }
    }

    private static void WriteArray<T>(BinaryWriter w, byte tag, T[] items, Action<BinaryWriter, T> write)
    {
        w.Write((byte)(ArrayOf | tag));
        w.Write(items.Length);
        foreach (var item in items) write(w, item);
    }

    public static object ReadValue(BinaryReader r)
    {
        var tag = r.ReadByte();
        switch (tag)
        {
            case Int: return r.ReadInt32();
            case Double: return r.ReadDouble();
            case Bool: return r.ReadBoolean();
            case Date: return DateOnly.FromDayNumber(r.ReadInt32());
            case Text: return r.ReadString();
            case ArrayOf | Int: return ReadArray(r, x => x.ReadInt32());
            case ArrayOf | Double: return ReadArray(r, x => x.ReadDouble());
            case ArrayOf | Bool: return ReadArray(r, x => x.ReadBoolean());
            case ArrayOf | Date: return ReadArray(r, x => DateOnly.FromDayNumber(x.ReadInt32()));
            case ArrayOf | Text: return ReadArray(r, x => x.ReadString());
            case Records:
                var records = new IReadOnlyDictionary<string, object>[Count(r)];
                for (var i = 0; i < records.Length; i++)
                {
                    var count = Count(r);
                    var fields = new Dictionary<string, object>(count, StringComparer.Ordinal);
                    for (var f = 0; f < count; f++)
                    {
                        var name = r.ReadString();
                        fields[name] = ReadValue(r);
                    }
                    records[i] = fields;
                }
                return records;
            default:
                throw new InvalidDataException($"unknown value tag {tag}");
        }
    }

    private static T[] ReadArray<T>(BinaryReader r, Func<BinaryReader, T> read)
    {
        var items = new T[Count(r)];
        for (var i = 0; i < items.Length; i++) items[i] = read(r);
        return items;
    }

    private static int Count(BinaryReader r)
    {
        var n = r.ReadInt32();
        return n is >= 0 and <= 10_000_000 ? n : throw new InvalidDataException($"bad count {n}");
    }

    public static string Cut(string text) => text.Length <= MaxMessage ? text : text[..MaxMessage] + "...";
}
