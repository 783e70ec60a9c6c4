namespace ProtocolEngine.Engine.Demo.Population;

/// <summary>One code with its relative weight, and the codes it fixes for other variables (a prostate primary: sex male).</summary>
public sealed record WeightedCode
{
    public string Code { get; init; } = "";
    public double Weight { get; init; }
    public IReadOnlyDictionary<string, string> Implies { get; init; } = new Dictionary<string, string>();
}
