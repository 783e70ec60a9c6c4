using ProtocolEngine.Engine.Assessments;
using ProtocolEngine.Engine.FollowUp;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Engine.Safety;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Storage;
using ProtocolEngine.Engine.Treatment;

namespace ProtocolEngine.Engine.Reporting;

/// <summary>
/// What the report needs from the records, read in one store read with one pass over each collection (no query per
/// participant): the latest screening of each participant, the allocations, delivered fractions, early stops,
/// assessments, adverse events, vital status and withdrawals.
/// </summary>
internal sealed record ReportRecords(
    int Registered,
    IReadOnlyDictionary<string, ScreeningRecord> LatestScreening,
    IReadOnlyDictionary<string, string> ArmOf,
    IReadOnlyDictionary<string, int> Delivered,
    IReadOnlyDictionary<string, TreatmentStop> Stops,
    IReadOnlyList<Assessment> Assessments,
    IReadOnlyList<AdverseEvent> AdverseEvents,
    IReadOnlyDictionary<string, VitalStatusRecord> Vital,
    IReadOnlyDictionary<string, Withdrawal> Withdrawals)
{
    public static ReportRecords Read(IRecordReader r)
    {
        var ordinal = StringComparer.Ordinal;
        var registered = r.Count<Participant>();
        var latest = new Dictionary<string, ScreeningRecord>(ordinal);
        foreach (var s in r.Scan<ScreeningRecord>())
            if (!latest.TryGetValue(s.ParticipantId, out var seen) || (s.ScreenedOn, s.Id).CompareTo((seen.ScreenedOn, seen.Id)) > 0)
                latest[s.ParticipantId] = s;
        var arms = new Dictionary<string, string>(ordinal);
        foreach (var a in r.Scan<RandomizationRecord>())
            arms[a.ParticipantId] = a.ArmId;
        var delivered = new Dictionary<string, int>(ordinal);
        foreach (var f in r.Scan<FractionRecord>())
            if (f.Status == FractionStatus.Delivered)
                delivered[f.ParticipantId] = delivered.GetValueOrDefault(f.ParticipantId) + 1;
        var stops = new Dictionary<string, TreatmentStop>(ordinal);
        foreach (var s in r.Scan<TreatmentStop>())
            if (!stops.TryGetValue(s.ParticipantId, out var first) || s.Date < first.Date)
                stops[s.ParticipantId] = s;
        var withdrawals = new Dictionary<string, Withdrawal>(ordinal);
        foreach (var w in r.Scan<Withdrawal>())
            if (!withdrawals.TryGetValue(w.ParticipantId, out var first) || w.Date < first.Date)
                withdrawals[w.ParticipantId] = w;
        return new ReportRecords(registered, latest, arms, delivered, stops, [.. r.Scan<Assessment>()], [.. r.Scan<AdverseEvent>()],
            r.Scan<VitalStatusRecord>().ToDictionary(v => v.ParticipantId, ordinal), withdrawals);
    }
}
