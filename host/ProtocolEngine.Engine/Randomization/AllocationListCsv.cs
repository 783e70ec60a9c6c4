using System.Globalization;
using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Engine.Randomization;

/// <summary>Writes an allocation list as CSV (RFC 4180, "\n" line ends) for the statistician.</summary>
public static class AllocationListCsv
{
    /// <summary>The header line's columns.</summary>
    public const string Header = "sequence,stratum,block_id,block_size,arm";

    /// <summary>Writes the header and one line per entry; blocks are empty for methods without them.</summary>
    public static void Write(TextWriter writer, IEnumerable<AllocationListEntry> entries)
    {
        writer.Write(Header + "\n");
        foreach (var e in entries)
            writer.Write(string.Join(",", e.Sequence.ToString(CultureInfo.InvariantCulture), Field(e.Stratum),
                e.BlockId?.ToString(CultureInfo.InvariantCulture) ?? "", e.BlockSize?.ToString(CultureInfo.InvariantCulture) ?? "", Field(e.ArmId)) + "\n");
    }

    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
