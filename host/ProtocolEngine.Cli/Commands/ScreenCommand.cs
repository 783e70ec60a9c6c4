using System.CommandLine;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Records.Services;

namespace ProtocolEngine.Cli.Commands;

/// <summary>`screen`: evaluates and stores a participant's screening data.</summary>
public static class ScreenCommand
{
    public static Command Create(CliConsole console, RecordsCliServices services)
    {
        var options = new RecordOptions();
        var factory = new SessionFactory(console, services, options);
        var pid = new Option<string>("--participant") { Description = "Participant id.", Required = true };
        var data = new Option<string>("--data") { Description = "JSON file: { variables: {...}, criteria: { id: true|false } }.", Required = true };
        var date = new Option<string?>("--date") { Description = "Screening date (yyyy-MM-dd, default today)." };
        var command = options.AddTo(new Command("screen", "Screen a participant against the criteria and store the verdicts.") { pid, data, date });
        command.SetAction(parse =>
        {
            var file = ScreeningFile.Read(parse.GetValue(data)!);
            var on = CliDates.Parse(parse.GetValue(date), "--date");
            using var open = factory.Open(parse);
            var evaluator = services.Evaluators(open.Session.Protocol);
            var record = new ScreeningService(open.Session, evaluator).Screen(parse.GetValue(pid)!, file.Variables, file.Criteria, on);
            return Output.Write(console, options.Json(parse), record, () =>
                $"{record.ParticipantId}: {Guards.Text(record.Outcome.Status)} (screening {record.Id})" + Environment.NewLine +
                string.Join(Environment.NewLine, record.Outcome.Verdicts.Select(v =>
                    $"  {v.CriterionId}\t{Guards.Text(v.Kind)}\t{Guards.Text(v.Verdict)}" + (v.MissingVariables.Count > 0 ? $"\tmissing: {string.Join(", ", v.MissingVariables)}" : "") + (v.Message is null ? "" : $"\t{v.Message}"))));
        });
        return command;
    }
}
