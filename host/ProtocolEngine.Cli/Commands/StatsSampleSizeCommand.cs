using System.CommandLine;
using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Cli.Commands;

/// <summary>
/// `protocol-engine stats sample-size-ni ...` -> {"n_treatment", "n_control", "total", "total_with_dropout", "power"},
/// the power at the chosen evaluable sizes.
/// </summary>
public static class StatsSampleSizeCommand
{
    public static Command Create(CliConsole console)
    {
        var design = new StatsDesignOptions();
        var power = new Option<double>("--power") { Description = "Target power, e.g. 0.8.", Required = true };
        var ratio = new Option<double>("--ratio") { Description = "Treatment participants per control participant.", DefaultValueFactory = _ => 1 };
        var dropout = new Option<double>("--dropout") { Description = "Expected proportion lost to follow-up, in [0, 1).", DefaultValueFactory = _ => 0 };
        var adjustment = new Option<string>("--dropout-adjustment") { Description = "divide (n / (1 - d), default) or multiply (n x (1 + d)).", DefaultValueFactory = _ => "divide" };
        adjustment.AcceptOnlyFromAmong("divide", "multiply");
        var format = StatsPlugin.FormatOption();
        var plugin = StatsPlugin.PluginOption();
        var command = new Command("sample-size-ni", "Sample size of a non-inferiority comparison of two proportions (one-sided alpha).");
        foreach (var o in design.All.Concat([power, ratio, dropout, adjustment, format, plugin])) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var (target, k, d) = (parse.GetValue(power), parse.GetValue(ratio), parse.GetValue(dropout));
            if (!(target > 0 && target < 1)) throw new CliInputException($"--power: {StatsPlugin.G(target)} is outside (0, 1); give e.g. 0.8.");
            if (!(k > 0)) throw new CliInputException($"--ratio: {StatsPlugin.G(k)} must be positive (treatment per control participant, 1 for 1:1).");
            if (!(d >= 0 && d < 1)) throw new CliInputException($"--dropout: {StatsPlugin.G(d)} is outside [0, 1); give e.g. 0.1.");
            var spec = design.Read(parse) with
            {
                Power = target, AllocationRatio = k, DropoutRate = d,
                DropoutAdjustment = parse.GetValue(adjustment) == "multiply" ? DropoutAdjustment.Multiply : DropoutAdjustment.Divide,
            };
            var size = StatsPlugin.With(parse.GetValue(plugin)!, s => s.NonInferiorityTwoProportions(spec));
            var total = size.ExperimentalEvaluable + size.ControlEvaluable;
            StatsPlugin.Write(console, parse.GetValue(format)!, new Dictionary<string, object>
                {
                    ["n_treatment"] = size.ExperimentalEvaluable, ["n_control"] = size.ControlEvaluable, ["total"] = total,
                    ["total_with_dropout"] = size.TotalEnrolled, ["power"] = size.AchievedPower,
                },
                $"{size.ExperimentalEvaluable} treatment + {size.ControlEvaluable} control = {total} evaluable, {size.TotalEnrolled} to enrol with {StatsPlugin.G(d * 100)}% loss; power {StatsPlugin.G(size.AchievedPower)} ({size.Method})");
            return ExitCodes.Success;
        });
        return command;
    }
}
