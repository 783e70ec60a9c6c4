namespace ProtocolEngine.Engine.Demo.Population;

/// <summary>Relative weights of the codes of one code variable.</summary>
public sealed record CodeDistribution
{
    public string Variable { get; init; } = "";
    public IReadOnlyList<WeightedCode> Values { get; init; } = [];
    public string? Source { get; init; }
}
