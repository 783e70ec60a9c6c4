using System.IO.Compression;
using CsvHelper;
using ProtocolEngine.Engine.Export;
using ProtocolEngine.Engine.Export.Tables;

namespace ProtocolEngine.Csv;

/// <summary>
/// Writes the export's tidy tables as RFC 4180 CSV with CsvHelper (UTF-8 without a byte-order mark, a header row,
/// comma-separated, quoted where needed, CRLF line ends): one <c>TABLE.csv</c> per table, into a folder or a zip.
/// Everything is written to a temporary place first and moved into place complete.
/// </summary>
public static class CsvTables
{
    /// <summary>The configuration every CSV file of the program is written with.</summary>
    public static CsvWriterOptions Options { get; } = new() { NewLine = "\r\n", FormatProvider = System.Globalization.CultureInfo.InvariantCulture };

    /// <summary>Writes one table: its header and its rows.</summary>
    public static void Write(ExportTable table, TextWriter writer)
    {
        using var csv = CsvWriter.Create(writer, Options, leaveOpen: true);
        csv.WriteHeader([.. table.Columns.Select(c => c.Name)]);
        foreach (var row in table.Rows)
        {
            if (row.Count != table.Columns.Count)
                throw new InvalidOperationException($"{table.Name}: a row of {row.Count} cells under {table.Columns.Count} columns.");
            foreach (var cell in row)
                csv.WriteField(cell);
            csv.EndRecord();
        }
        csv.Flush();
    }

    /// <summary>One table as text.</summary>
    public static string Text(ExportTable table)
    {
        var text = new StringWriter();
        Write(table, text);
        return text.ToString();
    }

    /// <summary>Every table of the export into <paramref name="folder"/> (created; files of the same names replaced); returns how many.</summary>
    public static int WriteFolder(ExportService export, string folder)
    {
        var full = Path.GetFullPath(folder);
        var staging = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp")).FullName;
        try
        {
            var names = new List<string>();
            var count = export.WriteTables(table =>
            {
                using var file = new StreamWriter(Path.Combine(staging, table.Name + ".csv"), append: false, new System.Text.UTF8Encoding(false));
                Write(table, file);
                names.Add(table.Name + ".csv");
            });
            Directory.CreateDirectory(full);
            foreach (var name in names)
                File.Move(Path.Combine(staging, name), Path.Combine(full, name), overwrite: true);
            return count;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>Every table of the export as entries of the zip file <paramref name="zipPath"/>; returns how many.</summary>
    public static int WriteZip(ExportService export, string zipPath)
    {
        var full = Path.GetFullPath(zipPath);
        var staging = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            int count;
            using (var zip = ZipFile.Open(staging, ZipArchiveMode.Create))
            {
                count = export.WriteTables(table =>
                {
                    using var entry = new StreamWriter(zip.CreateEntry(table.Name + ".csv", CompressionLevel.Optimal).Open(), new System.Text.UTF8Encoding(false));
                    Write(table, entry);
                });
            }
            File.Move(staging, full, overwrite: true);
            return count;
        }
        finally
        {
            File.Delete(staging);
        }
    }
}
