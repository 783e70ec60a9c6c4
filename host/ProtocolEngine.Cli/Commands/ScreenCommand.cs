using System.CommandLine;
using ProtocolEngine.Cli.Output;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Participants;

namespace ProtocolEngine.Cli.Commands;

/// <summary><c>protocol-engine screen --participant FILE.json [--protocol PATH] [--format text|json]</c>.</summary>
public static class ScreenCommand
{
    public static Command Create(CliConsole console)
    {
        var participant = new Option<string>("--participant") { Description = "Participant data: a JSON object of variable ids (records as arrays of objects, dates \"YYYY-MM-DD\").", Required = true };
        var protocol = CommonOptions.ProtocolOption();
        var format = new Option<string>("--format") { Description = "Output: text (a table) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("screen", "Screen one participant against the inclusion and exclusion criteria. Exit 0 screened, 2 refused input.") { participant, protocol, format };
        command.SetAction(parse =>
        {
            var file = CommonOptions.ResolveProtocol(parse.GetValue(protocol));
            var dataFile = parse.GetValue(participant)!;
            string json;
            try { json = File.ReadAllText(dataFile); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliInputException($"participant file '{dataFile}' cannot be read: {ex.Message}");
            }

            using var opened = ProtocolOpening.OpenOrRefuse(console, file);
            var read = new ParticipantReader(opened.Load.Document!.Protocol).Read(json);
            if (read.Data is null)
            {
                foreach (var e in read.Errors)
                    console.Error.WriteLine($"{dataFile}: {e}");
                throw new CliInputException($"{dataFile}: participant data refused ({read.Errors.Count} problem{(read.Errors.Count == 1 ? "" : "s")}).");
            }
            var result = new Screener(opened.Rules!).Screen(read.Data);
            if (parse.GetValue(format) == "json")
                console.Out.WriteLine(ScreeningReport.ToJson(result));
            else
                ScreeningReport.WriteText(console.Out, result);
            return ExitCodes.Success;
        });
        return command;
    }
}
