using ProtocolEngine.Engine.Assessments;
using ProtocolEngine.Engine.FollowUp;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Engine.Safety;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Export;

/// <summary>
/// An export's tables, each in export order (<see cref="ExportOrder"/>) and with what the role may not see hidden,
/// read as they are enumerated: from the store (<see cref="StoreExportContent"/>, inside one read) or from a
/// <see cref="TrialExport"/> in memory (<see cref="ListExportContent"/>). The JSON, CSV and ODM writers read only this.
/// </summary>
internal interface IExportContent
{
    ExportHeader Header { get; }
    IEnumerable<ProtocolVersion> ProtocolVersions { get; }
    IEnumerable<Participant> Participants { get; }
    IEnumerable<ScreeningRecord> Screenings { get; }
    IEnumerable<RandomizationRecord> Randomizations { get; }
    IEnumerable<FractionRecord> Fractions { get; }
    IEnumerable<TreatmentStop> TreatmentStops { get; }
    IEnumerable<CourseSummary> Courses { get; }
    IEnumerable<TargetVolume> TargetVolumes { get; }
    IEnumerable<VisitRecord> Visits { get; }
    IEnumerable<Assessment> Assessments { get; }
    IEnumerable<DiaryEntry> Diary { get; }
    IEnumerable<AdverseEvent> AdverseEvents { get; }
    IEnumerable<ImagingFinding> Imaging { get; }
    IEnumerable<Withdrawal> Withdrawals { get; }
    IEnumerable<VitalStatusRecord> VitalStatus { get; }
    IEnumerable<AuditEntry> Audit { get; }

    /// <summary>One participant's records, for writers that group by participant (ODM).</summary>
    SubjectRecords Subject(Participant participant);
}
