using System.CommandLine;
using System.Text.Json;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Engine.Randomization;

namespace ProtocolEngine.Cli.Commands;

/// <summary>`randomize`: allocates an eligible, consented participant once; `randomize list` shows the list to statisticians and administrators.</summary>
public static class RandomizeCommand
{
    public static Command Create(CliConsole console, RecordsCliServices services)
    {
        var options = new RecordOptions();
        var factory = new SessionFactory(console, services, options);
        var pid = new Option<string>("--participant") { Description = "Participant id.", Required = true };
        var date = new Option<string?>("--date") { Description = "Randomization date (yyyy-MM-dd, default today)." };
        var command = options.AddTo(new Command("randomize", "Randomize a participant.") { pid, date });
        command.SetAction(parse =>
        {
            var on = CliDates.Parse(parse.GetValue(date), "--date");
            using var open = factory.Open(parse);
            var service = new RandomizationService(open.Session, factory.Allocator(open.Session), factory.CtvSelector(open.Session));
            var record = service.Randomize(parse.GetValue(pid)!, on);
            var volumes = service.TargetVolumes(record.ParticipantId);
            var full = RolePolicy.Allows(open.Session.User.Role, Permission.ViewRandomizationList);
            object shown = full ? record : new { participant_id = record.ParticipantId, arm_id = record.ArmId, randomized_on = record.RandomizedOn };
            var json = JsonSerializer.SerializeToNode(shown, shown.GetType(), CliJson.Options)!.AsObject();
            json["target_volumes"] = JsonSerializer.SerializeToNode(volumes, CliJson.Options);
            return RecordOutput.Write(console, options.Json(parse), json, () => $"{record.ParticipantId} randomized to {record.ArmId} on {record.RandomizedOn:yyyy-MM-dd}."
                + (volumes.Count > 0 ? Environment.NewLine + "Target volumes:" + Environment.NewLine + TargetVolumeText.Lines(volumes) : ""));
        });

        var listOptions = new RecordOptions();
        var listFactory = new SessionFactory(console, services, listOptions);
        var list = listOptions.AddTo(new Command("list", "Show the randomization list (statisticians and administrators)."));
        list.SetAction(parse =>
        {
            using var open = listFactory.Open(parse, readOnly: true);
            var all = new RandomizationService(open.Session, listFactory.Allocator(open.Session)).List();
            return RecordOutput.Write(console, listOptions.Json(parse), all, () => string.Join(Environment.NewLine,
                all.Select(r => $"{r.StratumKey}\t{r.ListPosition}\t{r.BlockId}\t{r.ParticipantId}\t{r.ArmId}\t{r.RandomizedOn:yyyy-MM-dd}\t{r.RandomizedBy}")));
        });
        command.Subcommands.Add(list);
        return command;
    }
}
