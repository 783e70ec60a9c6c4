using System.CommandLine;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Safety;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Cli.Commands;

/// <summary>`imaging add`: radiation myelopathy, or a fracture with its SINS components.</summary>
public static class ImagingCommand
{
    public static Command Create(CliConsole console, RecordsCliServices services)
    {
        var options = new RecordOptions();
        var factory = new SessionFactory(console, services, options);
        var pid = new Option<string>("--participant") { Description = "Participant id.", Required = true };
        var date = new Option<string>("--date") { Description = "Imaging date (yyyy-MM-dd).", Required = true };
        var modality = EnumOption.Create<ImagingModality>("--modality", "Modality", required: true);
        var finding = EnumOption.Create<FindingKind>("--finding", "Finding", required: true);
        var level = new Option<string>("--level") { Description = "Vertebral level, e.g. T10.", Required = true };
        var pain = EnumOption.Create<SinsPain>("--sins-pain", "SINS pain", required: false);
        var lesion = EnumOption.Create<SinsBoneLesion>("--sins-lesion", "SINS bone lesion", required: false);
        var alignment = EnumOption.Create<SinsAlignment>("--sins-alignment", "SINS alignment", required: false);
        var collapse = EnumOption.Create<SinsCollapse>("--sins-collapse", "SINS vertebral body collapse", required: false);
        var posterior = EnumOption.Create<SinsPosterior>("--sins-posterior", "SINS posterolateral involvement", required: false);
        var note = new Option<string?>("--note") { Description = "Free-text note." };
        var add = options.AddTo(new Command("add", "Record an imaging finding.") { pid, date, modality, finding, level, pain, lesion, alignment, collapse, posterior, note });
        add.SetAction(parse =>
        {
            var sinsParts = new[] { parse.GetValue(pain), parse.GetValue(lesion), parse.GetValue(alignment), parse.GetValue(collapse), parse.GetValue(posterior) };
            if (sinsParts.Any(s => s is not null) && sinsParts.Any(s => s is null))
                throw new CliInputException("--sins-*: give all five SINS components (--sins-pain, --sins-lesion, --sins-alignment, --sins-collapse, --sins-posterior) or none.");
            var input = new ImagingInput
            {
                Date = CliDates.Required(parse.GetValue(date), "--date"), Modality = EnumOption.Parse<ImagingModality>(parse.GetValue(modality)!),
                Finding = EnumOption.Parse<FindingKind>(parse.GetValue(finding)!), Level = parse.GetValue(level)!, Note = parse.GetValue(note),
                Sins = sinsParts[0] is null ? null : new SinsInput
                {
                    Pain = EnumOption.Parse<SinsPain>(sinsParts[0]!), BoneLesion = EnumOption.Parse<SinsBoneLesion>(sinsParts[1]!),
                    Alignment = EnumOption.Parse<SinsAlignment>(sinsParts[2]!), Collapse = EnumOption.Parse<SinsCollapse>(sinsParts[3]!),
                    PosteriorElements = EnumOption.Parse<SinsPosterior>(sinsParts[4]!),
                },
            };
            using var open = factory.Open(parse);
            var f = new ImagingService(open.Session).Add(parse.GetValue(pid)!, input);
            return RecordOutput.Write(console, options.Json(parse), f, () => $"{f.Id}: {Guards.Text(f.Finding)} at {f.Level}" +
                (f.Sins is { } s ? $", SINS {s.Total} ({Guards.Text(s.Category)})." : "."));
        });
        return new Command("imaging", "Imaging findings.") { add };
    }
}
