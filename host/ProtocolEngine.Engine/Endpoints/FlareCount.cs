namespace ProtocolEngine.Engine.Endpoints;

/// <summary>Pain flare (Hird et al. 2009) per arm among randomized participants, from the daily diary against baseline.</summary>
public sealed record FlareCount
{
    public string Arm { get; init; } = "";

    /// <summary>Participants with a baseline assessment and at least one diary day.</summary>
    public int Assessed { get; init; }
    public int Flares { get; init; }

    /// <summary>A flare-sized rise that had not returned to baseline by the last diary day.</summary>
    public int Progressions { get; init; }
    public int NoFlare { get; init; }

    /// <summary>Randomized without a diary day or without a baseline assessment.</summary>
    public int NotAssessed { get; init; }
}
