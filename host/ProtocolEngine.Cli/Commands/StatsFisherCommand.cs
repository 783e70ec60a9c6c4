using System.CommandLine;
using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Cli.Commands;

/// <summary>`protocol-engine stats fisher A B C D [--alternative]`: Fisher's exact test of [[A, B], [C, D]] -> {"p": x}.</summary>
public static class StatsFisherCommand
{
    public static Command Create(CliConsole console)
    {
        Argument<int>[] cells = [new("A") { Description = "Row 1, column 1." }, new("B") { Description = "Row 1, column 2." },
            new("C") { Description = "Row 2, column 1." }, new("D") { Description = "Row 2, column 2." }];
        var alternative = new Option<string>("--alternative") { Description = "two-sided (as R's fisher.test), less or greater.", DefaultValueFactory = _ => "two-sided" };
        alternative.AcceptOnlyFromAmong("two-sided", "less", "greater");
        var format = StatsPlugin.FormatOption();
        var plugin = StatsPlugin.PluginOption();
        var command = new Command("fisher", "Fisher's exact test of the 2x2 table [[A, B], [C, D]].") { cells[0], cells[1], cells[2], cells[3], alternative, format, plugin };
        command.SetAction(parse =>
        {
            var v = cells.Select(c => parse.GetValue(c)).ToArray();
            for (var i = 0; i < 4; i++)
                if (v[i] < 0) throw new CliInputException($"{cells[i].Name}: {v[i]} is negative; a cell counts participants (0 or more).");
            if (v[0] + v[1] == 0 || v[2] + v[3] == 0)
                throw new CliInputException($"the table [[{v[0]}, {v[1]}], [{v[2]}, {v[3]}]] has an empty row; each row needs at least one participant.");
            var which = parse.GetValue(alternative) switch { "less" => FisherAlternative.Less, "greater" => FisherAlternative.Greater, _ => FisherAlternative.TwoSided };
            var p = StatsPlugin.With(parse.GetValue(plugin)!, s => s.FisherExactP(new TwoByTwoTable(v[0], v[0] + v[1], v[2], v[2] + v[3]), which));
            StatsPlugin.Write(console, parse.GetValue(format)!, new Dictionary<string, object> { ["p"] = p },
                $"Fisher's exact test ({parse.GetValue(alternative)}) of [[{v[0]}, {v[1]}], [{v[2]}, {v[3]}]]: p = {StatsPlugin.G(p)}");
            return ExitCodes.Success;
        });
        return command;
    }
}
