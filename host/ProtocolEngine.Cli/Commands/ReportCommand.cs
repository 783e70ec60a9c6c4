using System.CommandLine;
using System.Text.Json;
using ProtocolEngine.Cli.Output;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Reporting;
using ProtocolEngine.Reporting.Html;

namespace ProtocolEngine.Cli.Commands;

/// <summary>
/// `report [--format text|json|md|html] [--out FILE]`: the trial's results from the database (CONSORT flow, the primary
/// endpoint in each analysis set, adverse events, pain flares, mean worst pain by visit), built by the engine's
/// <see cref="TrialReportService"/> and drawn by one of the renderers. A file is written whole or not at all.
/// </summary>
public static class ReportCommand
{
    public static Command Create(CliConsole console, RecordsCliServices services)
    {
        var options = new RecordOptions();
        var factory = new SessionFactory(console, services, options);
        var format = new Option<string>("--format") { Description = "text (default), json, md (markdown) or html (one page with SVG figures).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "md", "html");
        var outPath = new Option<string?>("--out") { Description = "Write the report to this file (else standard output)." };
        var command = options.AddTo(new Command("report", "The trial's results: CONSORT flow, primary endpoint by analysis set, adverse events, pain flares, mean worst pain by visit."),
            withFormat: false);
        command.Options.Add(format);
        command.Options.Add(outPath);
        command.SetAction(parse =>
        {
            var kind = parse.GetValue(format)!;
            var target = parse.GetValue(outPath);
            if (target is not null) CheckTarget(target);
            using var open = factory.Open(parse, readOnly: true);
            var pain = services.PainResponse ?? throw new CliInputException("This host has no pain-response plugin wiring; run the protocol-engine executable.");
            var statistics = services.Statistics ?? throw new CliInputException("This host has no statistics plugin wiring; run the protocol-engine executable.");
            var service = new TrialReportService(open.Session, pain(open.Session.Protocol), statistics(open.Session.Protocol));
            var report = TerminalProgress.IsTerminal(console.Out)
                ? TerminalProgress.Show(console.Out, noColour: services.Environment("NO_COLOR") is { Length: > 0 }, "Building the report",
                    move => service.Build(TerminalProgress.Reporter<ReportProgress>(move, p => (p.Step, p.Steps, $"Report: {p.Name}"))))
                : service.Build();
            var text = kind switch
            {
                "json" => JsonSerializer.Serialize(report, CliJson.Options),
                "md" => ReportMarkdown.Render(report),
                "html" => HtmlReport.Render(report),
                _ => ReportText.Render(report),
            };
            if (target is null)
                console.Out.WriteLine(text);
            else
            {
                Write(target, text);
                console.Error.WriteLine($"Wrote the {kind} report to {target}.");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Refuses, before any work, a path whose folder does not exist or that is a folder.</summary>
    private static void CheckTarget(string target)
    {
        var full = Path.GetFullPath(target);
        if (Directory.Exists(full))
            throw new CliInputException($"--out: '{target}' is a folder; give a file name, e.g. {Path.Combine(target, "report.html")}.");
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
            throw new CliInputException($"--out: the folder '{folder}' does not exist; create it or write the report elsewhere.");
    }

    /// <summary>Writes the file whole (through a temporary file beside it) or refuses with what went wrong; nothing half-written remains.</summary>
    private static void Write(string target, string text)
    {
        try
        {
            OutputFile.WriteText(target, w => w.Write(text.EndsWith('\n') ? text : text + "\n"));
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw new CliInputException($"--out: cannot write '{target}': {ex.Message} Choose a file in a folder you can write to.");
        }
    }
}
