namespace ProtocolEngine.Engine.Demo.Population;

/// <summary>
/// Where the lesions are: the records variable that holds them, the code field that is their level
/// (its code list ordered head to tail), the boolean field that marks a lesion treated in this
/// course, and the weights of regions of the level list.
/// </summary>
public sealed record LesionDistribution
{
    public string Variable { get; init; } = "";
    public string Level { get; init; } = "";

    /// <summary>The boolean field marking a treated lesion; null: every lesion is treated.</summary>
    public string? Treated { get; init; }

    /// <summary>The level field's codes in their order.</summary>
    public IReadOnlyList<string> Codes { get; init; } = [];
    public IReadOnlyList<LevelRegion> Regions { get; init; } = [];
    public string? Source { get; init; }
}
