using System.CommandLine;
using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Cli.Commands;

/// <summary>`protocol-engine stats ci-diff X1 N1 X2 N2 --method ...` -> {"lower": x, "upper": y} for p1 - p2.</summary>
public static class StatsCiDiffCommand
{
    public static Command Create(CliConsole console)
    {
        var x1 = new Argument<int>("X1") { Description = "Events in group 1." };
        var n1 = new Argument<int>("N1") { Description = "Participants in group 1." };
        var x2 = new Argument<int>("X2") { Description = "Events in group 2." };
        var n2 = new Argument<int>("N2") { Description = "Participants in group 2." };
        var method = new Option<string>("--method") { Description = "wald, newcombe (hybrid score), newcombe-cc (continuity corrected) or miettinen-nurminen.", Required = true };
        method.AcceptOnlyFromAmong("wald", "newcombe", "newcombe-cc", "miettinen-nurminen");
        var level = new Option<double>("--level") { Description = "Confidence level in (0, 1).", DefaultValueFactory = _ => 0.95 };
        var format = StatsPlugin.FormatOption();
        var plugin = StatsPlugin.PluginOption();
        var command = new Command("ci-diff", "Confidence interval of X1/N1 - X2/N2.") { x1, n1, x2, n2, method, level, format, plugin };
        command.SetAction(parse =>
        {
            StatsPlugin.Counts(parse.GetValue(x1), parse.GetValue(n1), "X1", "N1");
            StatsPlugin.Counts(parse.GetValue(x2), parse.GetValue(n2), "X2", "N2");
            var conf = parse.GetValue(level);
            if (!(conf > 0 && conf < 1)) throw new CliInputException($"--level: {StatsPlugin.G(conf)} is outside (0, 1); give e.g. 0.95.");
            var which = parse.GetValue(method) switch
            {
                "wald" => DifferenceIntervalMethod.Wald,
                "newcombe-cc" => DifferenceIntervalMethod.NewcombeContinuityCorrected,
                "miettinen-nurminen" => DifferenceIntervalMethod.MiettinenNurminen,
                _ => DifferenceIntervalMethod.Newcombe,
            };
            var table = new TwoByTwoTable(parse.GetValue(x1), parse.GetValue(n1), parse.GetValue(x2), parse.GetValue(n2));
            var ci = StatsPlugin.With(parse.GetValue(plugin)!, s => s.DifferenceInterval(table, conf, which));
            StatsPlugin.Write(console, parse.GetValue(format)!, new Dictionary<string, object> { ["lower"] = ci.Lower, ["upper"] = ci.Upper },
                $"{table.ExperimentalEvents}/{table.ExperimentalTotal} - {table.ControlEvents}/{table.ControlTotal} = {StatsPlugin.G(ci.Estimate)}, {StatsPlugin.G(conf * 100)}% CI ({ci.Method}) {StatsPlugin.G(ci.Lower)} to {StatsPlugin.G(ci.Upper)}");
            return ExitCodes.Success;
        });
        return command;
    }
}
