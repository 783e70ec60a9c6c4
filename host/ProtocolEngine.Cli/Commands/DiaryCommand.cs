using System.CommandLine;
using System.Globalization;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Reference;
using ProtocolEngine.Engine.Assessments;

namespace ProtocolEngine.Cli.Commands;

/// <summary>`diary add|list`: the daily pain diary around radiotherapy.</summary>
public static class DiaryCommand
{
    public static Command Create(CliConsole console, RecordsCliServices services)
    {
        var options = new RecordOptions();
        var factory = new SessionFactory(console, services, options);
        var pid = new Option<string>("--participant") { Description = "Participant id.", Required = true };
        var date = new Option<string>("--date") { Description = "Day of the entry (yyyy-MM-dd).", Required = true };
        var pain = new Option<int>("--pain") { Description = "Worst pain of the day at the treated site, NRS 0-10.", Required = true };
        var analgesic = AnalgesicOption.Create();
        var reason = new Option<string?>("--reason") { Description = "Why an entry for a day that has one replaces it." };
        var add = options.AddTo(new Command("add", "Record a day of the pain diary.") { pid, date, pain, analgesic, reason });
        add.SetAction(parse =>
        {
            var d = CliDates.Required(parse.GetValue(date), "--date");
            var doses = AnalgesicOption.Parse(parse.GetValue(analgesic));
            using var open = factory.Open(parse);
            var e = new DiaryService(open.Session, OmedTable.Default).Add(parse.GetValue(pid)!, d, parse.GetValue(pain), doses, parse.GetValue(reason));
            return RecordOutput.Write(console, options.Json(parse), e,
                () => $"{e.ParticipantId} diary {e.Date:yyyy-MM-dd}: worst pain {e.WorstPain}, OMED {e.OmedMg.ToString(CultureInfo.InvariantCulture)} mg/day.");
        });

        var listOptions = new RecordOptions();
        var listFactory = new SessionFactory(console, services, listOptions);
        var lpid = new Option<string>("--participant") { Description = "Participant id.", Required = true };
        var list = listOptions.AddTo(new Command("list", "A participant's diary.") { lpid });
        list.SetAction(parse =>
        {
            using var open = listFactory.Open(parse, readOnly: true);
            var all = new DiaryService(open.Session, OmedTable.Default).ForParticipant(parse.GetValue(lpid)!);
            return RecordOutput.Write(console, listOptions.Json(parse), all, () => string.Join(Environment.NewLine,
                all.Select(e => $"{e.Date:yyyy-MM-dd}\tpain {e.WorstPain}\tOMED {e.OmedMg.ToString(CultureInfo.InvariantCulture)} mg")));
        });
        return new Command("diary", "The daily pain diary.") { add, list };
    }
}
