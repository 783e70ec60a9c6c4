using ProtocolEngine.Engine.Endpoints;

namespace ProtocolEngine.Engine.Reporting;

/// <summary>
/// The trial's results as of a day, computed from the records and the protocol's plugins: the CONSORT flow, the
/// primary endpoint in each analysis set, adverse events by term and worst grade, pain flares and mean worst pain by
/// visit. Plain and serializable: the text, markdown, JSON and html renderers all draw this one model.
/// </summary>
public sealed record TrialReport
{
    public string TrialId { get; init; } = "";
    public string Title { get; init; } = "";

    /// <summary>Registry and number, e.g. "ChiCTR ChiCTR1900023401".</summary>
    public string Registration { get; init; } = "";

    /// <summary>The first 12 characters of the protocol version hash the report was computed under.</summary>
    public string ProtocolVersion { get; init; } = "";
    public DateOnly AsOf { get; init; }
    public IReadOnlyList<ReportArm> Arms { get; init; } = [];
    public ConsortFlow Consort { get; init; } = new();
    public PrimaryEndpointResult Primary { get; init; } = new();
    public AdverseEventTable AdverseEvents { get; init; } = new();

    /// <summary>Pain flare per arm (Hird et al. 2009, as the pain-response plugin classifies the diary).</summary>
    public IReadOnlyList<FlareCount> Flares { get; init; } = [];

    /// <summary>Mean worst pain (NRS 0-10) per visit occurrence and arm, visits in protocol order.</summary>
    public IReadOnlyList<PainVisitMean> MeanWorstPain { get; init; } = [];
    public ReportMethods Methods { get; init; } = new();
}
