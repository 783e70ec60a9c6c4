using System.CommandLine;
using ProtocolEngine.Cli.Output;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Cli.Commands;

/// <summary>
/// <c>protocol-engine screen</c>, two ways over the same compiled rules:
/// <c>--participant FILE.json</c> evaluates and prints, storing nothing (for protocol authors and
/// pre-screening); <c>--participant ID --data FILE.json</c> screens a registered participant and
/// stores the variables, verdicts and protocol version in the trial database.
/// </summary>
public static class ScreenCommand
{
    public static Command Create(CliConsole console, RecordsCliServices services)
    {
        var options = new RecordOptions();
        var factory = new SessionFactory(console, services, options);
        var participant = new Option<string>("--participant")
        {
            Description = "Without --data: a participant data file (JSON object of variable ids; records as arrays of objects; dates \"YYYY-MM-DD\"). With --data: the registered participant's id.",
            Required = true,
        };
        var data = new Option<string?>("--data") { Description = "Store the screening: JSON file { \"variables\": {...}, \"criteria\": { \"ID\": true|false } } (investigator attestations fill only criteria the rules leave unknown)." };
        var date = new Option<string?>("--date") { Description = "Screening date (yyyy-MM-dd, default today); with --data." };
        var command = options.AddTo(new Command("screen", "Screen a participant against the inclusion and exclusion criteria: print the verdicts, or with --data store them. Exit 0 screened, 2 refused input.") { participant, data, date });
        command.SetAction(parse => parse.GetValue(data) is { } dataFile
            ? Store(console, services, factory, options, parse, parse.GetValue(participant)!, dataFile, parse.GetValue(date))
            : Evaluate(console, options, parse, parse.GetValue(participant)!));
        return command;
    }

    private static int Evaluate(CliConsole console, RecordOptions options, ParseResult parse, string dataFile)
    {
        string json;
        try { json = File.ReadAllText(dataFile); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"--participant: the data file '{dataFile}' cannot be read ({ex.Message}); to store a screening of a registered participant, add --data FILE.json.");
        }
        var file = parse.GetValue(options.Protocol)!;
        using var opened = ProtocolOpening.OpenOrRefuse(console, file);
        var read = new ParticipantReader(opened.Load.Document!.Protocol).Read(json);
        if (read.Data is null)
        {
            foreach (var e in read.Errors)
                console.Error.WriteLine($"{dataFile}: {e}");
            throw new CliInputException($"{dataFile}: participant data refused ({read.Errors.Count} problem{(read.Errors.Count == 1 ? "" : "s")}).");
        }
        var result = Edges.Screener(opened.Rules!).Screen(read.Data);
        if (options.Json(parse))
            console.Out.WriteLine(ScreeningReport.ToJson(result));
        else
            ScreeningReport.WriteText(console.Out, result);
        return ExitCodes.Success;
    }

    private static int Store(CliConsole console, RecordsCliServices services, SessionFactory factory, RecordOptions options, ParseResult parse, string participantId, string dataFile, string? date)
    {
        var file = ScreeningFile.Read(dataFile);
        var on = CliDates.Parse(date, "--date");
        using var open = factory.Open(parse);
        var evaluator = services.Evaluators(open.Session.Protocol);
        var record = new ScreeningService(open.Session, evaluator).Screen(participantId, file.Variables, file.Criteria, on);
        return RecordOutput.Write(console, options.Json(parse), record, () =>
            $"{record.ParticipantId}: {Guards.Text(record.Outcome.Status)} (screening {record.Id})" + Environment.NewLine +
            string.Join(Environment.NewLine, record.Outcome.Verdicts.Select(v =>
                $"  {v.CriterionId}\t{Guards.Text(v.Kind)}\t{Guards.Text(v.Verdict)}" + (v.MissingVariables.Count > 0 ? $"\tmissing: {string.Join(", ", v.MissingVariables)}" : "") + (v.Message is null ? "" : $"\t{v.Message}"))));
    }
}
