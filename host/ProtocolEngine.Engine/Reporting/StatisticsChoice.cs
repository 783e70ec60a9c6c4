using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Reporting;

/// <summary>
/// The intervals the statistics plan implies. The plan names its test through size_method: farrington-manning is the
/// score test with the variance at the rates restricted to the margin, whose own interval is the Miettinen-Nurminen
/// score interval; chow-shao-wang is the unpooled normal approximation, whose interval is Wald's. A plan naming neither
/// gets Newcombe's hybrid score interval. One rate's interval is the Wilson score interval (the score interval that
/// Pearson's chi-square inverts), since no plan option names another.
/// </summary>
internal sealed record StatisticsChoice(ProportionIntervalMethod Rate, string RateName, DifferenceIntervalMethod Difference, string DifferenceName, string Why)
{
    public static StatisticsChoice From(StatisticsPlan plan) => plan.SizeMethod switch
    {
        "farrington-manning" => new(ProportionIntervalMethod.Wilson, "Wilson score", DifferenceIntervalMethod.MiettinenNurminen, "Miettinen-Nurminen score",
            "the plan's size method is farrington-manning (a score test with the variance at the rates restricted to the margin); "
            + "the difference's interval is the score interval of the same kind (Miettinen-Nurminen), each rate's the Wilson score interval"),
        "chow-shao-wang" => new(ProportionIntervalMethod.Wilson, "Wilson score", DifferenceIntervalMethod.Wald, "Wald (unpooled)",
            "the plan's size method is chow-shao-wang (unpooled normal approximation); the difference's interval is the Wald interval "
            + "of the same variance, each rate's the Wilson score interval"),
        _ => new(ProportionIntervalMethod.Wilson, "Wilson score", DifferenceIntervalMethod.Newcombe, "Newcombe hybrid score",
            "the plan names no size method; the difference's interval is Newcombe's hybrid score interval, each rate's the Wilson score interval"),
    };
}
