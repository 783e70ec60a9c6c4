namespace ProtocolEngine.Engine.Endpoints;

/// <summary>The pain relief rate per arm, visit and analysis set, and flare counts per arm, as of a day.</summary>
public sealed record PainReliefReport
{
    public string Endpoint { get; init; } = "";
    public string Plugin { get; init; } = "";
    public string Baseline { get; init; } = "";
    public string? TimePoint { get; init; }
    public DateOnly AsOf { get; init; }
    public IReadOnlyList<PainReliefRow> Rows { get; init; } = [];
    public IReadOnlyList<FlareCount> Flares { get; init; } = [];
}
