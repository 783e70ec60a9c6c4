using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Endpoints;

/// <summary>
/// The primary pain endpoint from the database: each randomized participant's response at each
/// assessment visit against baseline, classified by the protocol's pain-response plugin, then the pain
/// relief rate (complete + partial responders over the set's denominator) per arm and visit in each
/// analysis set the protocol defines, and pain flare counts per arm.
/// </summary>
public sealed class EndpointService(TrialSession session, IPainResponsePlugin plugin)
{
    /// <summary>The pain relief report, optionally for one visit (all its occurrences) and one analysis set.</summary>
    public PainReliefReport PainRelief(string? visitId = null, string? setId = null) => Build(visitId, setId, null);

    /// <summary>Every visit and set, with <paramref name="also"/> taking each participant's records on the same pass (the report).</summary>
    internal PainReliefReport PainRelief(IParticipantPass also) => Build(null, null, also);

    private PainReliefReport Build(string? visitId, string? setId, IParticipantPass? also)
    {
        var protocol = session.Protocol;
        var endpoint = PainEndpoint(protocol);
        var baseline = endpoint.Baseline ?? endpoint.Visits.FirstOrDefault()
            ?? throw new RecordRejectedException("endpoint", $"endpoint '{endpoint.Id}' names no visits, so it has no baseline; list its visits, the baseline first.");
        var assessed = endpoint.Visits.Where(v => v != baseline).ToList();
        if (visitId is not null && !assessed.Contains(visitId))
            throw new RecordRejectedException("visit", $"'{visitId}' is not an assessment visit of endpoint '{endpoint.Id}'; use one of {string.Join(", ", assessed)}.");
        var sets = protocol.Statistics.AnalysisSets;
        if (sets.Count == 0)
            throw new RecordRejectedException("analysis_sets", "the protocol defines no analysis sets (statistics.analysis_sets), so no denominator is defined; add itt and pp.");
        if (setId is not null && !sets.Any(s => s.Id == setId))
            throw new RecordRejectedException("set", $"'{setId}' is not an analysis set of the protocol; use one of {string.Join(", ", sets.Select(s => s.Id))}.");
        var planned = protocol.Fractionation?.Fractions ?? 0;
        var asOf = session.Today;
        var outcomes = session.Read(Permission.ReadRecords, r => new OutcomeReader(session, plugin, endpoint, baseline).Read(r, asOf, also));
        var occurrences = outcomes.SelectMany(p => p.Visits).Select(v => (v.VisitId, v.Occurrence)).Distinct()
            .Where(o => visitId is null || o.VisitId == visitId)
            .OrderBy(o => assessed.IndexOf(o.VisitId)).ThenBy(o => o.Occurrence).ToList();
        var rows = (from set in sets.Where(s => setId is null || s.Id == setId)
                    from occ in occurrences
                    from arm in protocol.Arms
                    select RateTable.Row(set, occ.VisitId, occ.Occurrence, arm.Id, outcomes, planned)).ToList();
        return new PainReliefReport
        {
            Endpoint = endpoint.Id, Plugin = plugin.Name, Baseline = baseline, TimePoint = endpoint.TimePoint, AsOf = asOf, Rows = rows,
            Flares = [.. protocol.Arms.Select(a => RateTable.Flares(a.Id, outcomes))],
            Assessable = endpoint.Assessable,
            NotAssessable = protocol.Arms.ToDictionary(a => a.Id, a => outcomes.Count(o => o.ArmId == a.Id && o.NotAssessable), StringComparer.Ordinal),
        };
    }

    /// <summary>The endpoint the statistics plan names as primary, else the first primary endpoint.</summary>
    public static Endpoint PainEndpoint(Protocol protocol) =>
        protocol.Endpoints.Primary.FirstOrDefault(e => e.Id == protocol.Statistics.PrimaryEndpoint)
        ?? protocol.Endpoints.Primary.FirstOrDefault()
        ?? throw new RecordRejectedException("endpoints", "the protocol has no primary endpoint to report.");
}
