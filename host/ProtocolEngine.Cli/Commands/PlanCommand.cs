using System.CommandLine;
using System.Globalization;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Treatment;

namespace ProtocolEngine.Cli.Commands;

/// <summary>`plan record|show`: a participant's plan values per organ at risk, checked against the protocol's constraints.</summary>
public static class PlanCommand
{
    public static Command Create(CliConsole console, RecordsCliServices services)
    {
        var options = new RecordOptions();
        var factory = new SessionFactory(console, services, options);
        var pid = new Option<string>("--participant") { Description = "Participant id.", Required = true };
        var structure = new Option<string>("--structure") { Description = "Organ at risk, one of the protocol's organ_constraints (e.g. spinal-cord).", Required = true };
        var dmax = new Option<double>("--dmax-gy") { Description = "The structure's maximum dose in the plan (Gy, physical, over the whole course).", Required = true };
        var fractions = new Option<int?>("--fractions") { Description = "The plan's number of fractions (default: the protocol's)." };
        var date = new Option<string?>("--date") { Description = "Date of the plan (yyyy-MM-dd, default today)." };
        var reason = new Option<string?>("--reason") { Description = "Why a recorded value changes." };
        var record = options.AddTo(new Command("record", "Record a plan value and check it against the protocol's constraint.") { pid, structure, dmax, fractions, date, reason });
        record.SetAction(parse =>
        {
            var on = CliDates.Parse(parse.GetValue(date), "--date");
            using var open = factory.Open(parse);
            var p = new PlanService(open.Session).Record(parse.GetValue(pid)!, parse.GetValue(structure)!, parse.GetValue(dmax), parse.GetValue(fractions), on, parse.GetValue(reason));
            return RecordOutput.Write(console, options.Json(parse), p, () => Line(p));
        });

        var showOptions = new RecordOptions();
        var showFactory = new SessionFactory(console, services, showOptions);
        var spid = new Option<string>("--participant") { Description = "Participant id.", Required = true };
        var show = showOptions.AddTo(new Command("show", "A participant's plan values and any constraint they break.") { spid });
        show.SetAction(parse =>
        {
            using var open = showFactory.Open(parse, readOnly: true);
            var all = new PlanService(open.Session).List(parse.GetValue(spid)!);
            return RecordOutput.Write(console, showOptions.Json(parse), all, () => all.Count == 0 ? "No plan value recorded." : string.Join(Environment.NewLine, all.Select(Line)));
        });
        return new Command("plan", "Treatment plan values of the organs at risk.") { record, show };
    }

    public static string Line(PlanRecord p) =>
        $"{p.ParticipantId} {p.Structure}: Dmax {G(p.DmaxGy)} Gy in {p.Fractions} fractions"
        + (p.AlphaBetaGy is { } ab ? $" = EQD2 {G(p.ComparedGy)} Gy (alpha/beta {G(ab)} Gy)" : "")
        + $", limit {G(p.LimitGy)} Gy: " + (p.Violation ? "VIOLATION: the plan exceeds the protocol's constraint." : "within the constraint.");

    private static string G(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
