using System.CommandLine;
using System.Globalization;
using ProtocolEngine.Engine.Dose;

namespace ProtocolEngine.Cli.Commands;

/// <summary>
/// <c>protocol-engine dose --total-gy 30 --fractions 10 --alpha-beta 10</c>: BED and EQD2 of a schedule (linear-quadratic);
/// without a schedule, the protocol's prescription at each of its alpha/beta ratios.
/// </summary>
public static class DoseCommand
{
    public static Command Create(CliConsole console)
    {
        var total = new Option<double?>("--total-gy") { Description = "Total physical dose (Gy); default: the protocol's prescription." };
        var fractions = new Option<int?>("--fractions") { Description = "Number of equal fractions; default: the protocol's." };
        var alphaBeta = new Option<double?>("--alpha-beta") { Description = "alpha/beta of the tissue (Gy); default: each of the protocol's alpha_beta_gy." };
        var protocol = CommonOptions.ProtocolOption();
        var format = OutputFormatOption.Create();
        var command = new Command("dose", "BED and EQD2 (linear-quadratic) of a schedule or of the protocol's prescription.") { total, fractions, alphaBeta, protocol, format };
        command.SetAction(parse =>
        {
            var (t, n, ab) = (parse.GetValue(total), parse.GetValue(fractions), parse.GetValue(alphaBeta));
            if (t is < 0 || (t is { } tv && !double.IsFinite(tv))) throw new CliInputException($"--total-gy: {t} must be a dose of 0 Gy or more.");
            if (n is < 1) throw new CliInputException($"--fractions: {n} must be at least 1.");
            if (ab is <= 0 || (ab is { } av && !double.IsFinite(av))) throw new CliInputException($"--alpha-beta: {ab} must be above 0 Gy.");
            var schedules = t is { } given && n is { } count && ab is { } ratio
                ? [DoseSchedule.Of(given, count, ratio)]
                : FromProtocol(console, parse.GetValue(protocol), t, n, ab);
            var json = parse.GetValue(format) == OutputFormat.Json;
            if (json && schedules.Count == 1)
                CliJson.Write(console.Out, Figures(schedules[0]));
            else if (json)
                CliJson.Write(console.Out, schedules.Select(s => new { total_gy = s.TotalGy, fractions = s.Fractions, alpha_beta_gy = s.AlphaBetaGy, bed = Round(s.Bed), eqd2 = Round(s.Eqd2) }).ToList());
            else
                foreach (var s in schedules)
                    console.Out.WriteLine($"{G(s.TotalGy)} Gy in {s.Fractions} fraction(s), alpha/beta {G(s.AlphaBetaGy)} Gy: BED {G(s.Bed)} Gy, EQD2 {G(s.Eqd2)} Gy");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The protocol's prescription with any figure the command line gave in its place.</summary>
    private static IReadOnlyList<DoseSchedule> FromProtocol(CliConsole console, string? path, double? total, int? fractions, double? alphaBeta)
    {
        var file = CommonOptions.ResolveProtocol(path);
        using var opened = ProtocolOpening.OpenOrRefuse(console, file);
        var f = opened.Load.Document!.Protocol.Fractionation
            ?? throw new CliInputException($"{file}: the protocol has no fractionation; give --total-gy, --fractions and --alpha-beta.");
        var ratios = alphaBeta is { } ab ? [ab] : f.AlphaBetaGy;
        return [.. ratios.Select(r => DoseSchedule.Of(total ?? f.TotalDoseGy, fractions ?? f.Fractions, r))];
    }

    private static object Figures(DoseSchedule s) => new { bed = Round(s.Bed), eqd2 = Round(s.Eqd2) };

    /// <summary>To a nanogray: hides the binary representation's last digit (39.000000000000007), nothing a dose can show.</summary>
    private static double Round(double gy) => Math.Round(gy, 9);

    private static string G(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
