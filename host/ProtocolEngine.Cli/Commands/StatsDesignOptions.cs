using System.CommandLine;
using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Cli.Commands;

/// <summary>The options of a non-inferiority design shared by `stats sample-size-ni` and `stats power-ni`.</summary>
internal sealed class StatsDesignOptions
{
    public Option<double> Treatment { get; } = new("--p-treatment") { Description = "Assumed response rate of the treatment arm, in (0, 1).", Required = true };
    public Option<double> Control { get; } = new("--p-control") { Description = "Assumed response rate of the control arm, in (0, 1).", Required = true };
    public Option<double> Margin { get; } = new("--margin") { Description = "Non-inferiority margin on treatment - control, negative (e.g. -0.15).", Required = true };
    public Option<double> Alpha { get; } = new("--alpha") { Description = "One-sided significance level, e.g. 0.025.", Required = true };
    public Option<string> Method { get; } = new("--method") { Description = "chow-shao-wang (unpooled, default) or farrington-manning (score test).", DefaultValueFactory = _ => "chow-shao-wang" };

    public StatsDesignOptions() => Method.AcceptOnlyFromAmong("chow-shao-wang", "farrington-manning");

    public IEnumerable<Option> All => [Treatment, Control, Margin, Alpha, Method];

    public NonInferiorityDesign Read(ParseResult parse)
    {
        var (pt, pc, margin, alpha) = (parse.GetValue(Treatment), parse.GetValue(Control), parse.GetValue(Margin), parse.GetValue(Alpha));
        StatsPlugin.Rate(pt, "--p-treatment");
        StatsPlugin.Rate(pc, "--p-control");
        StatsPlugin.Margin(margin);
        if (!(alpha > 0 && alpha < 0.5)) throw new CliInputException($"--alpha: {StatsPlugin.G(alpha)} is outside (0, 0.5); give the one-sided level, e.g. 0.025.");
        return new NonInferiorityDesign { ExperimentalRate = pt, ControlRate = pc, Margin = margin, Alpha = alpha, Method = parse.GetValue(Method) };
    }
}
