using System.CommandLine;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Scheduling;
using ProtocolEngine.Engine.Assessments;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Cli.Commands;

/// <summary>`visits due|list|miss`.</summary>
public static class VisitsCommand
{
    public static Command Create(CliConsole console, RecordsCliServices services)
    {
        var dueOptions = new RecordOptions();
        var dueFactory = new SessionFactory(console, services, dueOptions);
        var dueDate = new Option<string?>("--date") { Description = "Day to look at (yyyy-MM-dd, default today)." };
        var due = dueOptions.AddTo(new Command("due", "Visits due or overdue on a day.") { dueDate });
        due.SetAction(parse =>
        {
            var d = CliDates.Parse(parse.GetValue(dueDate), "--date");
            using var open = dueFactory.Open(parse, readOnly: true);
            var list = new VisitService(open.Session).Due(d);
            return RecordOutput.Write(console, dueOptions.Json(parse), list, () => Lines(list));
        });

        var listOptions = new RecordOptions();
        var listFactory = new SessionFactory(console, services, listOptions);
        var pid = new Option<string>("--participant") { Description = "Participant id.", Required = true };
        var listDate = new Option<string?>("--date") { Description = "Day the status refers to (default today)." };
        var list = listOptions.AddTo(new Command("list", "A participant's visit schedule.") { pid, listDate });
        list.SetAction(parse =>
        {
            var d = CliDates.Parse(parse.GetValue(listDate), "--date");
            using var open = listFactory.Open(parse, readOnly: true);
            var all = new VisitService(open.Session).ForParticipant(parse.GetValue(pid)!, d);
            return RecordOutput.Write(console, listOptions.Json(parse), all, () => Lines(all));
        });

        var missOptions = new RecordOptions();
        var missFactory = new SessionFactory(console, services, missOptions);
        var mpid = new Option<string>("--participant") { Description = "Participant id.", Required = true };
        var visit = new Option<string>("--visit") { Description = "Visit id.", Required = true };
        var occurrence = new Option<int>("--occurrence") { Description = "Occurrence of a repeating visit (0 = first).", DefaultValueFactory = _ => 0 };
        var reason = new Option<string>("--reason") { Description = "Why the visit was missed.", Required = true };
        var miss = missOptions.AddTo(new Command("miss", "Record a visit as missed.") { mpid, visit, occurrence, reason });
        miss.SetAction(parse =>
        {
            using var open = missFactory.Open(parse);
            var rec = new VisitService(open.Session).MarkMissed(parse.GetValue(mpid)!, parse.GetValue(visit)!, parse.GetValue(occurrence), parse.GetValue(reason)!);
            return RecordOutput.Write(console, missOptions.Json(parse), rec, () => $"{rec.ParticipantId} visit {rec.VisitId} #{rec.Occurrence} recorded as missed.");
        });
        return new Command("visits", "The visit schedule.") { due, list, miss };
    }

    private static string Lines(IEnumerable<VisitOccurrence> list) => string.Join(Environment.NewLine, list.Select(o =>
        $"{o.ParticipantId}\t{o.VisitId}#{o.Occurrence}\t{o.Target:yyyy-MM-dd}\t[{o.WindowStart:yyyy-MM-dd} .. {o.WindowEnd:yyyy-MM-dd}]\t{Guards.Text(o.Status)}{(o.Projected ? " (projected)" : "")}"));
}
