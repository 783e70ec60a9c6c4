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

    /// <summary>The endpoint's assessability rule (minimum baseline worst pain and its source), null when it has none.</summary>
    public Model.PainAssessability? Assessable { get; init; }

    /// <summary>Randomized participants per arm whose baseline worst pain is below the rule's minimum (not assessable at any visit).</summary>
    public IReadOnlyDictionary<string, int> NotAssessable { get; init; } = new Dictionary<string, int>();
}
