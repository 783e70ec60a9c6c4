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

/// <summary>The tables of a <see cref="TrialExport"/> held in memory (already ordered and concealed), for the writers.</summary>
internal sealed class ListExportContent(TrialExport data) : IExportContent
{
    private readonly Lazy<Dictionary<string, SubjectRecords>> _subjects = new(() => Group(data));

    public ExportHeader Header { get; } = new(data.ProtocolId, data.ProtocolHash, data.ExportedAtUtc, data.ExportedBy, data.IncludesRandomizationList);
    public IEnumerable<ProtocolVersion> ProtocolVersions => data.ProtocolVersions;
    public IEnumerable<Participant> Participants => data.Participants;
    public IEnumerable<ScreeningRecord> Screenings => data.Screenings;
    public IEnumerable<RandomizationRecord> Randomizations => data.Randomizations;
    public IEnumerable<FractionRecord> Fractions => data.Fractions;
    public IEnumerable<TreatmentStop> TreatmentStops => data.TreatmentStops;
    public IEnumerable<CourseSummary> Courses => data.Courses;
    public IEnumerable<TargetVolume> TargetVolumes => data.TargetVolumes;
    public IEnumerable<VisitRecord> Visits => data.Visits;
    public IEnumerable<Assessment> Assessments => data.Assessments;
    public IEnumerable<DiaryEntry> Diary => data.Diary;
    public IEnumerable<AdverseEvent> AdverseEvents => data.AdverseEvents;
    public IEnumerable<ImagingFinding> Imaging => data.Imaging;
    public IEnumerable<Withdrawal> Withdrawals => data.Withdrawals;
    public IEnumerable<VitalStatusRecord> VitalStatus => data.VitalStatus;
    public IEnumerable<AuditEntry> Audit => data.Audit;

    public SubjectRecords Subject(Participant participant) =>
        _subjects.Value.TryGetValue(participant.Id, out var s) ? s : new([], [], [], null, [], [], [], [], [], [], []);

    private static Dictionary<string, SubjectRecords> Group(TrialExport d)
    {
        var screenings = d.Screenings.ToLookup(x => x.ParticipantId);
        var randomizations = d.Randomizations.ToLookup(x => x.ParticipantId);
        var fractions = d.Fractions.ToLookup(x => x.ParticipantId);
        var courses = d.Courses.ToLookup(x => x.ParticipantId);
        var visits = d.Visits.ToLookup(x => x.ParticipantId);
        var assessments = d.Assessments.ToLookup(x => x.ParticipantId);
        var diary = d.Diary.ToLookup(x => x.ParticipantId);
        var aes = d.AdverseEvents.ToLookup(x => x.ParticipantId);
        var imaging = d.Imaging.ToLookup(x => x.ParticipantId);
        var withdrawals = d.Withdrawals.ToLookup(x => x.ParticipantId);
        var vital = d.VitalStatus.ToLookup(x => x.ParticipantId);
        return d.Participants.DistinctBy(p => p.Id).ToDictionary(p => p.Id, p => new SubjectRecords(
            [.. screenings[p.Id]], [.. randomizations[p.Id]], [.. fractions[p.Id]], courses[p.Id].FirstOrDefault(), [.. visits[p.Id]],
            [.. assessments[p.Id]], [.. diary[p.Id]], [.. aes[p.Id]], [.. imaging[p.Id]], [.. withdrawals[p.Id]], [.. vital[p.Id]]));
    }
}
