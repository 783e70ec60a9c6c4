using System.CommandLine;
using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Cli.Commands;

/// <summary>`protocol-engine stats ci X N --method wilson|clopper-pearson [--level]` -> {"lower": x, "upper": y}.</summary>
public static class StatsCiCommand
{
    public static Command Create(CliConsole console)
    {
        var x = new Argument<int>("X") { Description = "Events." };
        var n = new Argument<int>("N") { Description = "Participants." };
        var method = new Option<string>("--method") { Description = "wilson or clopper-pearson.", Required = true };
        method.AcceptOnlyFromAmong("wilson", "clopper-pearson");
        var level = new Option<double>("--level") { Description = "Confidence level in (0, 1).", DefaultValueFactory = _ => 0.95 };
        var format = StatsPlugin.FormatOption();
        var plugin = StatsPlugin.PluginOption();
        var command = new Command("ci", "Confidence interval of one proportion X / N.") { x, n, method, level, format, plugin };
        command.SetAction(parse =>
        {
            var (events, total, conf) = (parse.GetValue(x), parse.GetValue(n), parse.GetValue(level));
            StatsPlugin.Counts(events, total, "X", "N");
            if (!(conf > 0 && conf < 1)) throw new CliInputException($"--level: {StatsPlugin.G(conf)} is outside (0, 1); give e.g. 0.95.");
            var which = parse.GetValue(method) == "clopper-pearson" ? ProportionIntervalMethod.ClopperPearson : ProportionIntervalMethod.Wilson;
            var ci = StatsPlugin.With(parse.GetValue(plugin)!, s => s.ProportionInterval(events, total, conf, which));
            StatsPlugin.Write(console, parse.GetValue(format)!, new Dictionary<string, object> { ["lower"] = ci.Lower, ["upper"] = ci.Upper },
                $"{events}/{total} = {StatsPlugin.G(ci.Estimate)}, {StatsPlugin.G(conf * 100)}% CI ({ci.Method}) {StatsPlugin.G(ci.Lower)} to {StatsPlugin.G(ci.Upper)}");
            return ExitCodes.Success;
        });
        return command;
    }
}
