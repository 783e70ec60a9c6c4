using System.CommandLine;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Cli.Commands;

/// <summary>`fraction record`: a delivered or missed radiotherapy fraction.</summary>
public static class FractionCommand
{
    public static Command Create(CliConsole console, RecordsCliServices services)
    {
        var options = new RecordOptions();
        var factory = new SessionFactory(console, services, options);
        var pid = new Option<string>("--participant") { Description = "Participant id.", Required = true };
        var date = new Option<string>("--date") { Description = "Treatment date (yyyy-MM-dd).", Required = true };
        var dose = new Option<double?>("--dose") { Description = "Dose delivered in Gy (default: the protocol's dose per fraction)." };
        var missed = new Option<bool>("--missed") { Description = "The session was missed (the course extends by one treatment day)." };
        var record = options.AddTo(new Command("record", "Record a fraction.") { pid, date, dose, missed });
        record.SetAction(parse =>
        {
            var d = CliDates.Required(parse.GetValue(date), "--date");
            using var open = factory.Open(parse);
            var service = new TreatmentService(open.Session);
            var f = service.Record(parse.GetValue(pid)!, d, parse.GetValue(missed), parse.GetValue(dose));
            var course = service.Course(f.ParticipantId);
            return RecordOutput.Write(console, options.Json(parse), new { fraction = f, course },
                () => $"{f.ParticipantId} session {f.Sequence} on {f.Date:yyyy-MM-dd}: {Guards.Text(f.Status)} {f.DoseGy} Gy; delivered {course.Delivered}/{course.PlannedFractions}"
                    + (course.Complete ? $", course complete on {course.End:yyyy-MM-dd}."
                        : course.Stop is { } stop ? $", course stopped on {stop.Date:yyyy-MM-dd} ({Guards.Text(stop.Reason)}), ended {course.End:yyyy-MM-dd}."
                        : $", projected end {course.EndOrProjected:yyyy-MM-dd}."));
        });
        return new Command("fraction", "Radiotherapy fractions.") { record };
    }
}
