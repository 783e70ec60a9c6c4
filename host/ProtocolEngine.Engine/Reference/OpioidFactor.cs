namespace ProtocolEngine.Engine.Reference;

/// <summary>One row of the OMED conversion table.</summary>
public sealed record OpioidFactor
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string Unit { get; init; } = "";
    public double Factor { get; init; }
}
