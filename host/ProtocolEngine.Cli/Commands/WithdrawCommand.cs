using System.CommandLine;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.FollowUp;

namespace ProtocolEngine.Cli.Commands;

/// <summary>`withdraw`: a participant leaves the study under a drop-out criterion.</summary>
public static class WithdrawCommand
{
    public static Command Create(CliConsole console, RecordsCliServices services)
    {
        var options = new RecordOptions();
        var factory = new SessionFactory(console, services, options);
        var pid = new Option<string>("--participant") { Description = "Participant id.", Required = true };
        var criterion = new Option<string>("--criterion") { Description = "Id of the protocol's drop-out criterion.", Required = true };
        var date = new Option<string>("--date") { Description = "Withdrawal date (yyyy-MM-dd).", Required = true };
        var note = new Option<string>("--note") { Description = "Circumstances.", DefaultValueFactory = _ => "" };
        var command = options.AddTo(new Command("withdraw", "Withdraw a participant.") { pid, criterion, date, note });
        command.SetAction(parse =>
        {
            var d = CliDates.Required(parse.GetValue(date), "--date");
            using var open = factory.Open(parse);
            var w = new WithdrawalService(open.Session).Withdraw(parse.GetValue(pid)!, parse.GetValue(criterion)!, d, parse.GetValue(note)!);
            return RecordOutput.Write(console, options.Json(parse), w, () => $"{w.ParticipantId} withdrawn on {w.Date:yyyy-MM-dd} ({w.CriterionId}).");
        });
        return command;
    }
}
