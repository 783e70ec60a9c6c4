using System.CommandLine;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Cli.Commands;

/// <summary>`treatment stop|show`: a radiotherapy course stopped early, and where a course stands.</summary>
public static class TreatmentCommand
{
    public static Command Create(CliConsole console, RecordsCliServices services)
    {
        var options = new RecordOptions();
        var factory = new SessionFactory(console, services, options);
        var pid = new Option<string>("--participant") { Description = "Participant id.", Required = true };
        var date = new Option<string>("--date") { Description = "Date radiotherapy was stopped (yyyy-MM-dd).", Required = true };
        var reason = EnumOption.Create<StopReason>("--reason", "Why it stopped", required: true);
        var note = new Option<string>("--note") { Description = "Circumstances (required with --reason other).", DefaultValueFactory = _ => "" };
        var stop = options.AddTo(new Command("stop", "Stop a radiotherapy course before it is complete: it ends on its last delivered fraction.") { pid, date, reason, note });
        stop.SetAction(parse =>
        {
            var d = CliDates.Required(parse.GetValue(date), "--date");
            using var open = factory.Open(parse);
            var service = new TreatmentService(open.Session);
            var s = service.Stop(parse.GetValue(pid)!, d, EnumOption.Parse<StopReason>(parse.GetValue(reason)!), parse.GetValue(note)!);
            var course = service.Course(s.ParticipantId);
            return RecordOutput.Write(console, options.Json(parse), new { stop = s, course },
                () => $"{s.ParticipantId}: radiotherapy stopped on {s.Date:yyyy-MM-dd} ({Guards.Text(s.Reason)}) after {course.Delivered}/{course.PlannedFractions} fractions "
                    + $"({course.DeliveredDoseGy} Gy); the course ends on {course.End:yyyy-MM-dd}.");
        });

        var showOptions = new RecordOptions();
        var showFactory = new SessionFactory(console, services, showOptions);
        var spid = new Option<string>("--participant") { Description = "Participant id.", Required = true };
        var show = showOptions.AddTo(new Command("show", "Where a participant's radiotherapy course stands.") { spid });
        show.SetAction(parse =>
        {
            using var open = showFactory.Open(parse, readOnly: true);
            var course = new TreatmentService(open.Session).Course(parse.GetValue(spid)!);
            return RecordOutput.Write(console, showOptions.Json(parse), course, () =>
                $"{course.Delivered}/{course.PlannedFractions} fractions delivered ({course.DeliveredDoseGy} Gy), {course.Missed} missed; "
                + (course.Start is null ? "not started; " : $"started {course.Start:yyyy-MM-dd}; ")
                + (course.Stop is { } s ? $"stopped on {s.Date:yyyy-MM-dd} ({Guards.Text(s.Reason)}), ended {course.End:yyyy-MM-dd}."
                    : course.Complete ? $"complete on {course.End:yyyy-MM-dd}."
                    : course.Start is null ? "" : $"projected end {course.EndOrProjected:yyyy-MM-dd}."));
        });
        return new Command("treatment", "The radiotherapy course.") { stop, show };
    }
}
