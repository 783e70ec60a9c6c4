namespace ProtocolEngine.Engine.Safety;

/// <summary>The Spinal Instability Neoplastic Score: component points, total and category.</summary>
public sealed record SinsScore
{
    public int Location { get; init; }
    public int Pain { get; init; }
    public int BoneLesion { get; init; }
    public int Alignment { get; init; }
    public int Collapse { get; init; }
    public int PosteriorElements { get; init; }
    public int Total { get; init; }
    public SinsCategory Category { get; init; }
}

public enum SinsCategory { Stable, PotentiallyUnstable, Unstable }
