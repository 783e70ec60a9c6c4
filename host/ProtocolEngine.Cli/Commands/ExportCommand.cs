using System.CommandLine;
using ProtocolEngine.Cli.Output;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Csv;
using ProtocolEngine.Engine.Export;

namespace ProtocolEngine.Cli.Commands;

/// <summary>
/// `export --format csv|json|odm`: the records (and audit trail) as tidy CSV tables with their data dictionary (into a
/// folder, or a zip when --out ends in .zip), one JSON document, or CDISC ODM 1.3.2, written as they are read (a file
/// appears only once complete).
/// </summary>
public static class ExportCommand
{
    public static Command Create(CliConsole console, RecordsCliServices services)
    {
        var options = new RecordOptions();
        var factory = new SessionFactory(console, services, options);
        var format = new Option<string>("--format") { Description = "csv (tidy tables, one file per table, with data_dictionary.csv and code_lists.csv, into --out DIR or --out FILE.zip), json or odm (to --out FILE or standard output).", Required = true };
        format.AcceptOnlyFromAmong("csv", "json", "odm");
        var outPath = new Option<string?>("--out") { Description = "Output folder or .zip file (csv), or file (json, odm)." };
        var command = options.AddTo(new Command("export", "Export the trial's records."), withFormat: false);
        command.Options.Add(format);
        command.Options.Add(outPath);
        command.SetAction(parse =>
        {
            var kind = parse.GetValue(format)!;
            var target = parse.GetValue(outPath);
            if (kind == "csv" && target is null) throw new CliInputException("--out: csv export writes one file per table; give a folder, or a file name ending in .zip.");
            if (kind == "csv" && File.Exists(target) && !IsZip(target!))
                throw new CliInputException($"--out: '{target}' is a file; csv export writes a folder of tables (or a .zip): give a folder or a name ending in .zip.");
            using var open = factory.Open(parse, readOnly: true);
            var export = new ExportService(open.Session);
            switch (kind)
            {
                case "csv" when IsZip(target!):
                    console.Error.WriteLine($"Wrote {CsvTables.WriteZip(export, target!)} CSV tables to {target}.");
                    break;
                case "csv":
                    console.Error.WriteLine($"Wrote {CsvTables.WriteFolder(export, target!)} CSV tables to {target}.");
                    break;
                case "json" when target is null:
                    using (var stdout = new TextWriterStream(console.Out))
                        export.WriteJson(stdout);
                    console.Out.WriteLine();
                    break;
                case "json":
                    OutputFile.Write(target, export.WriteJson);
                    break;
                case "odm" when target is null:
                    export.WriteOdm(console.Out);
                    console.Out.WriteLine();
                    break;
                default:
                    OutputFile.WriteText(target!, export.WriteOdm);
                    break;
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static bool IsZip(string path) => path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
}
