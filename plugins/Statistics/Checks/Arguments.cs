using System.Globalization;
using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Plugins.Statistics.Checks;

/// <summary>Refuses bad inputs with a message naming the value and how to fix it.</summary>
internal static class Arguments
{
    public static void Count(int events, int total, string what)
    {
        if (total <= 0)
            throw new ArgumentException($"{what}: total {total} must be at least 1; a proportion needs at least one participant.");
        if (events < 0 || events > total)
            throw new ArgumentException($"{what}: {events} events out of {total} is impossible; give 0 to {total} events.");
    }

    public static void Table(TwoByTwoTable t)
    {
        Count(t.ExperimentalEvents, t.ExperimentalTotal, "experimental arm");
        Count(t.ControlEvents, t.ControlTotal, "control arm");
    }

    public static void Level(double level)
    {
        if (!(level > 0 && level < 1))
            throw new ArgumentException($"confidence level {F(level)} is outside (0, 1); give e.g. 0.95.");
    }

    public static void OpenUnit(double value, string name)
    {
        if (!(value > 0 && value < 1))
            throw new ArgumentException($"{name} {F(value)} is outside (0, 1); give a proportion strictly between 0 and 1.");
    }

    public static void Margin(double margin)
    {
        if (!(margin < 0 && margin > -1))
            throw new ArgumentException($"margin {F(margin)} must lie in (-1, 0): a non-inferiority margin on experimental - control is negative, e.g. -0.15.");
    }

    public static void Design(NonInferiorityDesign d)
    {
        OpenUnit(d.ExperimentalRate, "experimental rate");
        OpenUnit(d.ControlRate, "control rate");
        Margin(d.Margin);
        OpenUnit(d.Alpha, "alpha");
        if (!(d.AllocationRatio > 0) || double.IsInfinity(d.AllocationRatio))
            throw new ArgumentException($"allocation ratio {F(d.AllocationRatio)} must be positive (experimental per control participant, 1 for 1:1).");
        if (!(d.DropoutRate >= 0 && d.DropoutRate < 1))
            throw new ArgumentException($"dropout rate {F(d.DropoutRate)} is outside [0, 1); give the expected proportion lost, e.g. 0.1.");
        // At exactly 0 the null's experimental rate is 0: a boundary PASS and blindrecalc compute (rate 0.2, margin -0.2).
        if (d.ControlRate + d.Margin < -1e-12)
            throw new ArgumentException($"control rate {F(d.ControlRate)} + margin {F(d.Margin)} is below 0: the null hypothesis has no experimental rate; use a smaller margin.");
        _ = Methods.Of(d);
    }

    public static void Sizes(int experimental, int control)
    {
        if (experimental < 1 || control < 1)
            throw new ArgumentException($"arm sizes {experimental} and {control} must both be at least 1.");
    }

    public static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
