namespace ProtocolEngine.Engine.Reporting;

/// <summary>Mean worst pain (NRS 0-10) of one arm at one visit occurrence, over the participants assessed there.</summary>
public sealed record PainVisitMean
{
    public string Visit { get; init; } = "";
    public int Occurrence { get; init; }
    public string Label { get; init; } = "";
    public string Arm { get; init; } = "";
    public int N { get; init; }

    /// <summary>Null when no one was assessed.</summary>
    public double? Mean { get; init; }

    /// <summary>Sample standard deviation; null below 2 participants.</summary>
    public double? Sd { get; init; }
}
