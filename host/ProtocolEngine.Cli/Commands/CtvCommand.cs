using System.CommandLine;
using System.Globalization;
using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Plugins;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Validation;

namespace ProtocolEngine.Cli.Commands;

/// <summary>
/// <c>protocol-engine ctv --involved 1,2 [--vb-extent E] [--epidural] [--arm study|control|ID]</c>: the CTV sectors of one
/// lesion under an arm's policy, from the protocol's table through the arm's CTV plugin.
/// </summary>
public static class CtvCommand
{
    public static Command Create(CliConsole console)
    {
        var involved = new Option<string>("--involved") { Description = "ISRC sectors (1-6) the GTV involves, comma-separated, e.g. 1,2.", Required = true };
        var extent = new Option<string?>("--vb-extent") { Description = "Where within the vertebral body the GTV lies, when sector 1 is involved: focal, left, right or diffuse." };
        extent.AcceptOnlyFromAmong("focal", "left", "right", "diffuse");
        var epidural = new Option<bool>("--epidural") { Description = "The lesion extends into the epidural space." };
        var arm = new Option<string>("--arm") { Description = "study (the experimental arm), control, or an arm id (default: study).", DefaultValueFactory = _ => "study" };
        var protocol = CommonOptions.ProtocolOption();
        var format = OutputFormatOption.Create();
        var command = new Command("ctv", "The CTV sectors of a lesion under an arm's policy (ISRC consensus table or whole vertebra).") { involved, extent, epidural, arm, protocol, format };
        command.SetAction(parse =>
        {
            var sectors = Sectors(parse.GetValue(involved)!);
            var file = CommonOptions.ResolveProtocol(parse.GetValue(protocol));
            using var catalog = Edges.Engine.Plugins.Load(PluginFolders.ForProtocol(Path.GetDirectoryName(Path.GetFullPath(file))));
            using var opened = ProtocolOpening.OpenOrRefuse(console, file, ValidationContext.From(catalog));
            var p = opened.Load.Document!.Protocol;
            var chosen = ArmOf(p, parse.GetValue(arm)!);
            var vb = parse.GetValue(extent) is { } e ? Enum.Parse<VertebralBodyExtent>(e, ignoreCase: true) : (VertebralBodyExtent?)null;
            CtvSelection selection;
            try { selection = new PluginCtvSelector(p, catalog).Select(chosen, new CtvLesion("", sectors, vb, parse.GetValue(epidural))); }
            catch (ArgumentException ex) { throw new CliInputException($"arm '{chosen.Id}' ({chosen.Ctv?.Policy}): {ex.Message}"); }
            var result = new CtvResult(selection.Sectors, selection.OptionalSectors, selection.MatchedRow ?? chosen.Ctv!.Policy, selection.Circumferential,
                selection.Epidural, selection.PtvMarginCm, chosen.Id, chosen.Ctv!.Policy, selection.Explanation);
            if (parse.GetValue(format) == OutputFormat.Json)
                CliJson.Write(console.Out, result);
            else
                console.Out.WriteLine($"Arm {chosen.Id} ({result.Policy}): CTV {Text(result.Required)}; optional {Text(result.Optional)}; rule {result.Rule}"
                    + $"{(result.Circumferential ? "; circumferential" : "")}{(result.PtvMarginCm is { } m ? $"; PTV = CTV + {m.ToString("0.##", CultureInfo.InvariantCulture)} cm" : "")}."
                    + Environment.NewLine + result.Explanation);
            return ExitCodes.Success;
        });
        return command;
    }

    private static IReadOnlyList<int> Sectors(string text)
    {
        var sectors = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var s) || s is < 1 or > 6)
                throw new CliInputException($"--involved: '{part}' is not an ISRC sector; give sectors 1 (vertebral body) to 6 (right pedicle), e.g. --involved 1,2.");
            sectors.Add(s);
        }
        if (sectors.Count == 0)
            throw new CliInputException("--involved: no sector given; e.g. --involved 1,2.");
        return sectors;
    }

    private static Arm ArmOf(Protocol p, string name)
    {
        var arm = name switch
        {
            "study" => p.Arms.FirstOrDefault(a => a.Role == ArmRole.Experimental),
            "control" => p.Arms.FirstOrDefault(a => a.Role == ArmRole.Control),
            _ => p.Arms.FirstOrDefault(a => a.Id == name),
        } ?? throw new CliInputException($"--arm: '{name}' matches no arm; use study, control or one of {string.Join(", ", p.Arms.Select(a => a.Id))}.");
        return arm.Ctv is null ? throw new CliInputException($"--arm: arm '{arm.Id}' has no ctv policy in the protocol.") : arm;
    }

    private static string Text(IReadOnlyList<int> s) => s.Count == 0 ? "none" : string.Join(", ", s);

    private sealed record CtvResult(IReadOnlyList<int> Required, IReadOnlyList<int> Optional, string Rule, bool Circumferential, bool Epidural,
        double? PtvMarginCm, string Arm, string Policy, string Explanation);
}
