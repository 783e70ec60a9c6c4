using System.CommandLine;
using System.Globalization;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Reference;
using ProtocolEngine.Engine.Assessments;

namespace ProtocolEngine.Cli.Commands;

/// <summary>`assess`: worst pain and analgesics (converted to OMED) at a visit.</summary>
public static class AssessCommand
{
    public static Command Create(CliConsole console, RecordsCliServices services)
    {
        var options = new RecordOptions();
        var factory = new SessionFactory(console, services, options);
        var pid = new Option<string>("--participant") { Description = "Participant id.", Required = true };
        var visit = new Option<string>("--visit") { Description = "Visit id.", Required = true };
        var occurrence = new Option<int?>("--occurrence") { Description = "Occurrence of a repeating visit (default: the open one nearest the date)." };
        var date = new Option<string>("--date") { Description = "Assessment date (yyyy-MM-dd).", Required = true };
        var pain = new Option<int>("--pain") { Description = "Worst pain in the last 24 h at the treated site, NRS 0-10.", Required = true };
        var analgesic = AnalgesicOption.Create();
        var command = options.AddTo(new Command("assess", "Record a pain assessment at a visit.") { pid, visit, occurrence, date, pain, analgesic });
        command.SetAction(parse =>
        {
            var d = CliDates.Required(parse.GetValue(date), "--date");
            var doses = AnalgesicOption.Parse(parse.GetValue(analgesic));
            using var open = factory.Open(parse);
            var a = new AssessmentService(open.Session, OmedTable.Default)
                .Record(parse.GetValue(pid)!, parse.GetValue(visit)!, parse.GetValue(occurrence), d, parse.GetValue(pain), doses);
            return RecordOutput.Write(console, options.Json(parse), a,
                () => $"{a.ParticipantId} {a.VisitId}#{a.Occurrence} on {a.Date:yyyy-MM-dd}: worst pain {a.WorstPain}, OMED {a.OmedMg.ToString(CultureInfo.InvariantCulture)} mg/day.");
        });
        return command;
    }
}
