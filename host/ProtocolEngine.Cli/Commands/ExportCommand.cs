using System.CommandLine;
using System.Text;
using System.Text.Json;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Records.Export;
using ProtocolEngine.Engine.Records.Persistence;

namespace ProtocolEngine.Cli.Commands;

/// <summary>`export --format csv|json|odm`: the records (and audit trail) as CSV tables, one JSON document, or CDISC ODM 1.3.2.</summary>
public static class ExportCommand
{
    public static Command Create(CliConsole console, RecordsCliServices services)
    {
        var options = new RecordOptions();
        var factory = new SessionFactory(console, services, options);
        var format = new Option<string>("--format") { Description = "csv (one file per table into --out DIR), json or odm (to --out FILE or standard output).", Required = true };
        format.AcceptOnlyFromAmong("csv", "json", "odm");
        var outPath = new Option<string?>("--out") { Description = "Output folder (csv) or file (json, odm)." };
        var command = options.AddTo(new Command("export", "Export the trial's records."), withFormat: false);
        command.Options.Add(format);
        command.Options.Add(outPath);
        command.SetAction(parse =>
        {
            var kind = parse.GetValue(format)!;
            var target = parse.GetValue(outPath);
            if (kind == "csv" && target is null) throw new CliInputException("--out: csv export writes one file per table; give a folder.");
            using var open = factory.Open(parse, readOnly: true);
            var data = new ExportService(open.Session).Collect();
            switch (kind)
            {
                case "csv":
                    Directory.CreateDirectory(target!);
                    foreach (var (name, text) in CsvExporter.Tables(data))
                        File.WriteAllText(Path.Combine(target!, name), text, new UTF8Encoding(false));
                    console.Error.WriteLine($"Wrote {CsvExporter.Tables(data).Count} CSV tables to {target}.");
                    break;
                case "json":
                    Emit(console, target, JsonSerializer.Serialize(data, RecordJson.Indented));
                    break;
                default:
                    var doc = OdmExporter.Export(open.Session.Protocol, data);
                    Emit(console, target, doc.Declaration + Environment.NewLine + doc.ToString());
                    break;
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Emit(CliConsole console, string? target, string text)
    {
        if (target is null) console.Out.WriteLine(text);
        else File.WriteAllText(target, text, new UTF8Encoding(false));
    }
}
