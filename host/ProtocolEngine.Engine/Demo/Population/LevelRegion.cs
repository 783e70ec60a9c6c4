namespace ProtocolEngine.Engine.Demo.Population;

/// <summary>A run of consecutive levels (from .. to in the code list) with its relative weight.</summary>
public sealed record LevelRegion
{
    public string Name { get; init; } = "";
    public string From { get; init; } = "";
    public string To { get; init; } = "";
    public double Weight { get; init; }

    /// <summary>Positions of <see cref="From"/> and <see cref="To"/> in the level code list.</summary>
    public int FromIndex { get; init; }
    public int ToIndex { get; init; }
}
