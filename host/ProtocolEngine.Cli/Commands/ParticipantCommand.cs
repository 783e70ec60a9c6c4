using System.CommandLine;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Cli.Commands;

/// <summary>`participant add|consent|list`.</summary>
public static class ParticipantCommand
{
    public static Command Create(CliConsole console, RecordsCliServices services)
    {
        var options = new RecordOptions();
        var factory = new SessionFactory(console, services, options);
        var site = new Option<string>("--site") { Description = "Site id from the protocol.", Required = true };
        var number = new Option<int?>("--screening-number") { Description = "Screening number at the site (default: next free)." };
        var initials = new Option<string>("--initials") { Description = "Initials, 1-4 capital letters.", Required = true };
        var birthYear = new Option<int?>("--birth-year") { Description = "Year of birth (or give --birth-date)." };
        var birthDate = new Option<string?>("--birth-date") { Description = "Date of birth (yyyy-MM-dd), when known: the age at screening is then exact." };
        var sex = new Option<string>("--sex") { Description = "female, male or other.", Required = true };
        sex.AcceptOnlyFromAmong("female", "male", "other");
        var consent = new Option<string?>("--consent-date") { Description = "Date informed consent was signed (yyyy-MM-dd)." };
        var add = options.AddTo(new Command("add", "Register a participant.") { site, number, initials, birthYear, birthDate, sex, consent });
        add.SetAction(parse =>
        {
            var consentedOn = CliDates.Parse(parse.GetValue(consent), "--consent-date");
            var born = CliDates.Parse(parse.GetValue(birthDate), "--birth-date");
            var year = parse.GetValue(birthYear) ?? born?.Year ?? throw new CliInputException("--birth-year or --birth-date is required.");
            using var open = factory.Open(parse);
            var p = new ParticipantService(open.Session).Register(parse.GetValue(site)!, parse.GetValue(number), parse.GetValue(initials)!,
                year, Enum.Parse<Sex>(parse.GetValue(sex)!, ignoreCase: true), consentedOn, born);
            return RecordOutput.Write(console, options.Json(parse), p, () => $"Registered participant {p.Id}.");
        });

        var consentOptions = new RecordOptions();
        var consentFactory = new SessionFactory(console, services, consentOptions);
        var pid = new Option<string>("--participant") { Description = "Participant id.", Required = true };
        var date = new Option<string>("--date") { Description = "Date informed consent was signed (yyyy-MM-dd).", Required = true };
        var reason = new Option<string?>("--reason") { Description = "Why a recorded consent date changes." };
        var consentCommand = consentOptions.AddTo(new Command("consent", "Record informed consent.") { pid, date, reason });
        consentCommand.SetAction(parse =>
        {
            var d = CliDates.Required(parse.GetValue(date), "--date");
            using var open = consentFactory.Open(parse);
            var p = new ParticipantService(open.Session).RecordConsent(parse.GetValue(pid)!, d, parse.GetValue(reason));
            return RecordOutput.Write(console, consentOptions.Json(parse), p, () => $"Consent of {p.Id} recorded on {d:yyyy-MM-dd}.");
        });

        var listOptions = new RecordOptions();
        var listFactory = new SessionFactory(console, services, listOptions);
        var list = listOptions.AddTo(new Command("list", "List participants and their status."));
        list.SetAction(parse =>
        {
            using var open = listFactory.Open(parse, readOnly: true);
            var all = new ParticipantService(open.Session).List();
            return RecordOutput.Write(console, listOptions.Json(parse), all,
                () => string.Join(Environment.NewLine, all.Select(p => $"{p.Id}\t{p.SiteId}\t{p.Initials}\t{Guards.Text(p.Status)}")));
        });
        var showOptions = new RecordOptions();
        var showFactory = new SessionFactory(console, services, showOptions);
        var showId = new Option<string>("--participant") { Description = "Participant id.", Required = true };
        var show = showOptions.AddTo(new Command("show", "A participant: status, arm, target volumes and plan values (with any constraint broken).") { showId });
        show.SetAction(parse =>
        {
            using var open = showFactory.Open(parse, readOnly: true);
            var id = parse.GetValue(showId)!;
            var (p, arm) = new ParticipantService(open.Session).Show(id);
            var volumes = new TargetVolumeService(open.Session).List(id);
            var plan = new PlanService(open.Session).List(id);
            var shown = new { participant = p, arm_id = arm, target_volumes = volumes, plan_values = plan, plan_violations = plan.Count(x => x.Violation) };
            return RecordOutput.Write(console, showOptions.Json(parse), shown, () => string.Join(Environment.NewLine,
                [$"{p.Id}\t{p.SiteId}\t{p.Initials}\t{Guards.Text(p.Status)}{(arm is null ? "" : $"\tarm {arm}")}",
                 "Target volumes:", TargetVolumeText.Lines(volumes),
                 "Plan:", plan.Count == 0 ? "  no plan value recorded" : string.Join(Environment.NewLine, plan.Select(x => "  " + PlanCommand.Line(x)))]));
        });
        return new Command("participant", "Register participants.") { add, consentCommand, list, show };
    }
}
