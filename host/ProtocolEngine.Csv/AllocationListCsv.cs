using System.Globalization;
using CsvHelper;
using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Csv;

/// <summary>Writes an allocation list as CSV for the statistician (RFC 4180, written with CsvHelper, "\n" line ends).</summary>
public static class AllocationListCsv
{
    /// <summary>The header line's columns.</summary>
    public const string Header = "sequence,stratum,block_id,block_size,arm";

    private static readonly CsvWriterOptions Options = new() { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture };

    private static string Whole(long? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>Writes the header and one line per entry; blocks are empty for methods without them.</summary>
    public static void Write(TextWriter writer, IEnumerable<AllocationListEntry> entries)
    {
        using var csv = CsvWriter.Create(writer, Options, leaveOpen: true);
        csv.WriteHeader(Header.Split(','));
        foreach (var e in entries)
            csv.WriteRecord([Whole(e.Sequence), e.Stratum, Whole(e.BlockId), Whole(e.BlockSize), e.ArmId]);
        csv.Flush();
    }
}
