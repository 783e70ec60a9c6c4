using System.CommandLine;

namespace ProtocolEngine.Cli.Commands;

/// <summary>`protocol-engine stats power-ni --n-per-arm N ... [--exact]` -> {"power": x}.</summary>
public static class StatsPowerCommand
{
    public static Command Create(CliConsole console)
    {
        var design = new StatsDesignOptions();
        var n = new Option<int>("--n-per-arm") { Description = "Evaluable participants in each arm.", Required = true };
        var exact = new Option<bool>("--exact") { Description = "Enumerate both binomials with the method's test instead of the normal approximation." };
        var format = StatsPlugin.FormatOption();
        var plugin = StatsPlugin.PluginOption();
        var command = new Command("power-ni", "Power of a non-inferiority comparison of two proportions with N evaluable per arm.");
        foreach (var o in design.All.Concat([n, exact, format, plugin])) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var perArm = parse.GetValue(n);
            if (perArm < 1) throw new CliInputException($"--n-per-arm: {perArm}; give at least 1 participant per arm.");
            var spec = design.Read(parse) with { Power = 0.8 };
            var isExact = parse.GetValue(exact);
            var power = StatsPlugin.With(parse.GetValue(plugin)!, s => isExact ? s.NonInferiorityExactPower(spec, perArm, perArm) : s.NonInferiorityPower(spec, perArm, perArm));
            StatsPlugin.Write(console, parse.GetValue(format)!, new Dictionary<string, object> { ["power"] = power },
                $"power {StatsPlugin.G(power)} with {perArm} per arm ({(isExact ? "exact enumeration" : "normal approximation")}, {spec.Method})");
            return ExitCodes.Success;
        });
        return command;
    }
}
