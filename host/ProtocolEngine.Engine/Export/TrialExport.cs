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

/// <summary>Everything an export holds. Randomizations carry list position and block only for roles that may see the list.</summary>
public sealed record TrialExport
{
    public string ProtocolId { get; init; } = "";
    public string ProtocolHash { get; init; } = "";
    public DateTimeOffset ExportedAtUtc { get; init; }
    public string ExportedBy { get; init; } = "";
    public bool IncludesRandomizationList { get; init; }
    public IReadOnlyList<ProtocolVersion> ProtocolVersions { get; init; } = [];
    public IReadOnlyList<Participant> Participants { get; init; } = [];
    public IReadOnlyList<ScreeningRecord> Screenings { get; init; } = [];
    public IReadOnlyList<RandomizationRecord> Randomizations { get; init; } = [];
    public IReadOnlyList<FractionRecord> Fractions { get; init; } = [];
    public IReadOnlyList<TreatmentStop> TreatmentStops { get; init; } = [];

    /// <summary>Each randomized participant's course, computed from the fractions and stops.</summary>
    public IReadOnlyList<CourseSummary> Courses { get; init; } = [];
    public IReadOnlyList<TargetVolume> TargetVolumes { get; init; } = [];
    public IReadOnlyList<VisitRecord> Visits { get; init; } = [];
    public IReadOnlyList<Assessment> Assessments { get; init; } = [];
    public IReadOnlyList<DiaryEntry> Diary { get; init; } = [];
    public IReadOnlyList<AdverseEvent> AdverseEvents { get; init; } = [];
    public IReadOnlyList<ImagingFinding> Imaging { get; init; } = [];
    public IReadOnlyList<Withdrawal> Withdrawals { get; init; } = [];
    public IReadOnlyList<VitalStatusRecord> VitalStatus { get; init; } = [];
    public IReadOnlyList<AuditEntry> Audit { get; init; } = [];
}
