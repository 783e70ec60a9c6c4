using ProtocolEngine.Engine.Assessments;
using ProtocolEngine.Engine.FollowUp;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Engine.Safety;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Treatment;

namespace ProtocolEngine.Engine.Export;

/// <summary>One participant's records as an export orders them (see <see cref="ExportOrder"/>), with its course when it was randomized.</summary>
internal sealed record SubjectRecords(
    IReadOnlyList<ScreeningRecord> Screenings,
    IReadOnlyList<RandomizationRecord> Randomizations,
    IReadOnlyList<FractionRecord> Fractions,
    CourseSummary? Course,
    IReadOnlyList<VisitRecord> Visits,
    IReadOnlyList<Assessment> Assessments,
    IReadOnlyList<DiaryEntry> Diary,
    IReadOnlyList<AdverseEvent> AdverseEvents,
    IReadOnlyList<ImagingFinding> Imaging,
    IReadOnlyList<Withdrawal> Withdrawals,
    IReadOnlyList<VitalStatusRecord> VitalStatus);
