namespace ProtocolEngine.Engine.Workspace;

/// <summary>Everything about one participant, section by section (each list in date or protocol order).</summary>
public sealed record ParticipantPage
{
    public ParticipantRow Participant { get; init; } = null!;

    /// <summary>The last screening's date and overall status (eligible, ineligible, incomplete), null before any.</summary>
    public DateOnly? ScreenedOn { get; init; }
    public string? ScreeningStatus { get; init; }
    public IReadOnlyList<CriterionRow> Criteria { get; init; } = [];
    public AllocationResult? Allocation { get; init; }
    public IReadOnlyList<TargetVolumeRow> TargetVolumes { get; init; } = [];
    public CourseView? Course { get; init; }
    public IReadOnlyList<VisitRow> Visits { get; init; } = [];
    public IReadOnlyList<PainPoint> Pain { get; init; } = [];
    public IReadOnlyList<DiaryRow> Diary { get; init; } = [];
    public IReadOnlyList<AdverseEventRow> AdverseEvents { get; init; } = [];

    /// <summary>Vital status (alive, died, lost-to-follow-up) with its date, null when none is recorded.</summary>
    public string? VitalStatus { get; init; }
    public DateOnly? VitalStatusDate { get; init; }
    public DateOnly? WithdrawnOn { get; init; }
    public IReadOnlyList<AuditRow> Audit { get; init; } = [];
}

/// <summary>A criterion's verdict (met, not-met, unknown, error) with its reason: the missing variables or the rule's message.</summary>
public sealed record CriterionRow(string Id, string Kind, string Text, string Verdict, string Reason, bool Excludes);

/// <summary>The target volume of one lesion: GTV and CTV sectors (ISRC 1-6), the table row and the PTV margin.</summary>
public sealed record TargetVolumeRow(string Level, IReadOnlyList<int> GtvSectors, IReadOnlyList<int> CtvSectors, IReadOnlyList<int> OptionalSectors,
    string Policy, string? Rule, bool Circumferential, double PtvMarginCm);

/// <summary>The radiotherapy course: each fraction day (delivered, missed, planned) and an early stop.</summary>
public sealed record CourseView(int Planned, int Delivered, int Missed, double DeliveredDoseGy, IReadOnlyList<FractionDay> Days, string? StoppedOn, string? StopReason);

/// <summary>A fraction day: delivered, missed or planned.</summary>
public sealed record FractionDay(DateOnly Date, string Status);

/// <summary>A visit occurrence with its window and status (upcoming, due, done, overdue, missed, not-expected).</summary>
public sealed record VisitRow(string VisitId, string Label, int Occurrence, DateOnly Target, DateOnly WindowStart, DateOnly WindowEnd, string Status);

/// <summary>Worst pain (NRS 0-10) at an assessment, with the oral morphine equivalent dose.</summary>
public sealed record PainPoint(DateOnly Date, string VisitId, int WorstPain, double OmedMg);

/// <summary>A diary day.</summary>
public sealed record DiaryRow(DateOnly Date, int WorstPain, double OmedMg);

/// <summary>An adverse event (CTCAE v5.0 term and grade).</summary>
public sealed record AdverseEventRow(string Id, string Term, int Grade, DateOnly Onset, DateOnly? Resolved, bool Serious, string Relation);

/// <summary>One entry of the participant's audit trail.</summary>
public sealed record AuditRow(long Sequence, DateTimeOffset TimestampUtc, string User, string Action, string RecordId, string? Reason);
