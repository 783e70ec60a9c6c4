using ProtocolEngine.Engine.Assessments;
using ProtocolEngine.Engine.Endpoints;
using ProtocolEngine.Engine.FollowUp;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Engine.Safety;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Storage;
using ProtocolEngine.Engine.Treatment;

namespace ProtocolEngine.Engine.Reporting;

/// <summary>
/// What the report needs from the records: the latest screening of each participant, the allocations, delivered
/// fractions, early stops, assessments, adverse events, vital status and withdrawals. Gathered by <see cref="Collector"/>
/// on the endpoint service's one pass over the participants, so the report and the endpoint read the records once.
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
    /// <summary>Takes each participant's slice on the endpoint's pass; adds the one collection the endpoint does not stream (adverse events).</summary>
    internal sealed class Collector : IParticipantPass
    {
        private static readonly StringComparer Ordinal = StringComparer.Ordinal;
        private int _registered;
        private readonly Dictionary<string, ScreeningRecord> _latest = new(Ordinal);
        private readonly Dictionary<string, string> _arms = new(Ordinal);
        private readonly Dictionary<string, int> _delivered = new(Ordinal);
        private readonly Dictionary<string, TreatmentStop> _stops = new(Ordinal);
        private readonly List<Assessment> _assessments = [];
        private readonly List<AdverseEvent> _events = [];
        private readonly Dictionary<string, VitalStatusRecord> _vital = new(Ordinal);
        private readonly Dictionary<string, Withdrawal> _withdrawals = new(Ordinal);

        public void Stream(ParticipantSlices slices, IRecordReader reader) => slices.With<AdverseEvent>(reader);

        public void Take(Participant participant, IRecordReader slice)
        {
            var id = participant.Id;
            _registered++;
            if (slice.ForParticipant<ScreeningRecord>(id).OrderByDescending(s => (s.ScreenedOn, s.Id)).FirstOrDefault() is { } latest)
                _latest[id] = latest;
            if (slice.ForParticipant<RandomizationRecord>(id).FirstOrDefault() is { } rand)
                _arms[id] = rand.ArmId;
            var delivered = slice.ForParticipant<FractionRecord>(id).Count(f => f.Status == FractionStatus.Delivered);
            if (delivered > 0)
                _delivered[id] = delivered;
            if (slice.ForParticipant<TreatmentStop>(id).MinBy(s => s.Date) is { } stop)
                _stops[id] = stop;
            _assessments.AddRange(slice.ForParticipant<Assessment>(id));
            _events.AddRange(slice.ForParticipant<AdverseEvent>(id));
            if (slice.ForParticipant<VitalStatusRecord>(id).FirstOrDefault() is { } vital)
                _vital[id] = vital;
            if (slice.ForParticipant<Withdrawal>(id).MinBy(w => w.Date) is { } withdrawal)
                _withdrawals[id] = withdrawal;
        }

        public ReportRecords Records() => new(_registered, _latest, _arms, _delivered, _stops, _assessments, _events, _vital, _withdrawals);
    }
}
