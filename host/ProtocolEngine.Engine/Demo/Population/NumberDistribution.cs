namespace ProtocolEngine.Engine.Demo.Population;

/// <summary>A normal distribution for a number variable (kept within the variable's range).</summary>
public sealed record NumberDistribution
{
    public string Variable { get; init; } = "";
    public double Mean { get; init; }
    public double Sd { get; init; }
    public string? Source { get; init; }
}
