using System.CommandLine;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.FollowUp;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Cli.Commands;

/// <summary>`status set|show`: vital and follow-up status (alive with the last contact, died, lost to follow-up).</summary>
public static class StatusCommand
{
    public static Command Create(CliConsole console, RecordsCliServices services)
    {
        var options = new RecordOptions();
        var factory = new SessionFactory(console, services, options);
        var pid = new Option<string>("--participant") { Description = "Participant id.", Required = true };
        var status = EnumOption.Create<VitalStatus>("--status", "Vital or follow-up status", required: true);
        var date = new Option<string>("--date") { Description = "Date of death, of the loss to follow-up, or (alive) of the last contact (yyyy-MM-dd).", Required = true };
        var cause = EnumOption.Create<DeathCause>("--cause", "Cause of death, with --status died", required: false);
        var reason = new Option<string?>("--reason") { Description = "Why an earlier entry is corrected (undoing a death or loss, or changing its date)." };
        var set = options.AddTo(new Command("set", "Record the vital or follow-up status.") { pid, status, date, cause, reason });
        set.SetAction(parse =>
        {
            var d = CliDates.Required(parse.GetValue(date), "--date");
            using var open = factory.Open(parse);
            var v = new VitalStatusService(open.Session).Set(parse.GetValue(pid)!, EnumOption.Parse<VitalStatus>(parse.GetValue(status)!), d,
                EnumOption.ParseOptional<DeathCause>(parse.GetValue(cause)), parse.GetValue(reason));
            return RecordOutput.Write(console, options.Json(parse), v, () => Line(v));
        });

        var showOptions = new RecordOptions();
        var showFactory = new SessionFactory(console, services, showOptions);
        var spid = new Option<string>("--participant") { Description = "Participant id.", Required = true };
        var show = showOptions.AddTo(new Command("show", "A participant's vital and follow-up status.") { spid });
        show.SetAction(parse =>
        {
            using var open = showFactory.Open(parse, readOnly: true);
            var id = parse.GetValue(spid)!;
            var v = new VitalStatusService(open.Session).Get(id);
            return RecordOutput.Write(console, showOptions.Json(parse), (object?)v ?? new { participant_id = id, status = "not-recorded" },
                () => v is null ? $"{id}: no vital status recorded." : Line(v));
        });
        return new Command("status", "Vital and follow-up status.") { set, show };
    }

    private static string Line(VitalStatusRecord v) => v.Status switch
    {
        VitalStatus.Died => $"{v.ParticipantId}: died on {v.Date:yyyy-MM-dd}{(v.Cause is { } c ? $" ({Guards.Text(c)})" : "")}; remaining visits are not expected.",
        VitalStatus.LostToFollowUp => $"{v.ParticipantId}: lost to follow-up on {v.Date:yyyy-MM-dd} (last contact {v.LastContact:yyyy-MM-dd}); remaining visits are not expected.",
        _ => $"{v.ParticipantId}: alive, last contact {v.LastContact:yyyy-MM-dd}.",
    };
}
