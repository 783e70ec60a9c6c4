using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Assessments;
using ProtocolEngine.Engine.FollowUp;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Engine.Safety;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Storage;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Engine.Audit;

namespace ProtocolEngine.Engine.Export;

/// <summary>
/// The export's tables read from the store inside one read, each a scan in participant order sorted again only
/// within a participant. No other read is made while a scan is open: what a table needs besides its own scan
/// (the participants' sites for the courses) is read before it.
/// </summary>
internal sealed class StoreExportContent(TrialSession session, IRecordReader r) : IExportContent
{
    private readonly bool _full = RolePolicy.Allows(session.User.Role, Permission.ViewRandomizationList);
    private readonly IReadOnlyDictionary<string, Site> _sites = session.Protocol.Sites.ToDictionary(s => s.Id);

    public ExportHeader Header { get; } = new(session.Protocol.Id, session.ProtocolHash, session.Clock.GetUtcNow(), session.User.Id,
        RolePolicy.Allows(session.User.Role, Permission.ViewRandomizationList));

    /// <summary>A handful of versions: read whole and sorted by number.</summary>
    public IEnumerable<ProtocolVersion> ProtocolVersions => r.Scan<ProtocolVersion>().OrderBy(v => v.Number);

    public IEnumerable<Participant> Participants => r.Scan<Participant>();
    public IEnumerable<ScreeningRecord> Screenings => ExportOrder.WithinParticipant(r.Scan<ScreeningRecord>(), ExportOrder.ById);
    public IEnumerable<RandomizationRecord> Randomizations => r.Scan<RandomizationRecord>().Select(Conceal);
    public IEnumerable<FractionRecord> Fractions => ExportOrder.WithinParticipant(r.Scan<FractionRecord>(), ExportOrder.Fractions);
    public IEnumerable<TreatmentStop> TreatmentStops => ExportOrder.WithinParticipant(r.Scan<TreatmentStop>(), ExportOrder.ById);
    public IEnumerable<TargetVolume> TargetVolumes => ExportOrder.WithinParticipant(r.Scan<TargetVolume>(), ExportOrder.ById);
    public IEnumerable<VisitRecord> Visits => ExportOrder.WithinParticipant(r.Scan<VisitRecord>(), ExportOrder.ById);
    public IEnumerable<Assessment> Assessments => ExportOrder.WithinParticipant(r.Scan<Assessment>(), ExportOrder.Assessments);
    public IEnumerable<DiaryEntry> Diary => ExportOrder.WithinParticipant(r.Scan<DiaryEntry>(), ExportOrder.Diary);
    public IEnumerable<AdverseEvent> AdverseEvents => ExportOrder.WithinParticipant(r.Scan<AdverseEvent>(), ExportOrder.ById);
    public IEnumerable<ImagingFinding> Imaging => ExportOrder.WithinParticipant(r.Scan<ImagingFinding>(), ExportOrder.ById);
    public IEnumerable<Withdrawal> Withdrawals => ExportOrder.WithinParticipant(r.Scan<Withdrawal>(), ExportOrder.ById);
    public IEnumerable<VitalStatusRecord> VitalStatus => ExportOrder.WithinParticipant(r.Scan<VitalStatusRecord>(), ExportOrder.ById);
    public IEnumerable<AuditEntry> Audit => AuditService.Visible(r.Audit(), session.User.Role);

    /// <summary>
    /// Each randomized participant's course, in participant order, from one pass over the fractions: the sites,
    /// early stops, vital statuses and randomized participants (small tables) are read first, then each participant's
    /// run of the fraction scan is joined with its randomization.
    /// </summary>
    public IEnumerable<CourseSummary> Courses
    {
        get
        {
            if (session.Protocol.Fractionation is not { } f) yield break;
            var siteOf = r.Scan<Participant>().ToDictionary(p => p.Id, p => p.SiteId);
            var courses = new CourseReader(r.Scan<TreatmentStop>().ToDictionary(s => s.Id), r.Scan<VitalStatusRecord>().ToDictionary(v => v.Id));
            var randomized = r.Scan<RandomizationRecord>().Select(x => x.ParticipantId)
                .Where(p => siteOf.TryGetValue(p, out var siteId) && _sites.ContainsKey(siteId)).ToList();
            using var runs = ExportOrder.Runs(r.Scan<FractionRecord>()).GetEnumerator();
            var run = runs.MoveNext() ? runs.Current : null;
            foreach (var participant in randomized)
            {
                while (run is not null && string.CompareOrdinal(run[0].ParticipantId, participant) < 0)
                    run = runs.MoveNext() ? runs.Current : null;
                var fractions = run is not null && run[0].ParticipantId == participant ? run : [];
                yield return CourseOf(courses.For(participant, fractions), f, _sites[siteOf[participant]], participant);
            }
        }
    }

    public SubjectRecords Subject(Participant p)
    {
        var randomizations = r.ForParticipant<RandomizationRecord>(p.Id).Select(Conceal).ToList();
        var fractions = ExportOrder.Fractions(r.ForParticipant<FractionRecord>(p.Id)).ToList();
        var course = randomizations.Count > 0 && session.Protocol.Fractionation is { } f && _sites.TryGetValue(p.SiteId, out var site)
            ? CourseOf(r, f, site, p.Id) : null;
        return new SubjectRecords(
            [.. ExportOrder.ById(r.ForParticipant<ScreeningRecord>(p.Id))], randomizations, fractions, course,
            [.. ExportOrder.ById(r.ForParticipant<VisitRecord>(p.Id))], [.. ExportOrder.Assessments(r.ForParticipant<Assessment>(p.Id))],
            [.. ExportOrder.Diary(r.ForParticipant<DiaryEntry>(p.Id))], [.. ExportOrder.ById(r.ForParticipant<AdverseEvent>(p.Id))],
            [.. ExportOrder.ById(r.ForParticipant<ImagingFinding>(p.Id))], [.. ExportOrder.ById(r.ForParticipant<Withdrawal>(p.Id))],
            [.. ExportOrder.ById(r.ForParticipant<VitalStatusRecord>(p.Id))]);
    }

    /// <summary>List position, block, stratum and factors hidden from roles that may not see the list.</summary>
    private RandomizationRecord Conceal(RandomizationRecord x) =>
        _full ? x : x with { ListPosition = 0, BlockId = "", StratumKey = "", Factors = new Dictionary<string, string>() };

    /// <summary>The course as the treatment service computes it, from what it reads through <paramref name="reader"/>.</summary>
    private CourseSummary CourseOf(IRecordReader reader, Fractionation f, Site site, string participantId)
    {
        var course = TreatmentService.CourseOf(reader, f, site, participantId, session.TodayAt(site.Id));
        return new CourseSummary
        {
            ParticipantId = participantId, PlannedFractions = course.PlannedFractions, Delivered = course.Delivered, Missed = course.Missed,
            DeliveredDoseGy = course.DeliveredDoseGy, Start = course.Start, End = course.End,
            State = course.Complete ? CourseState.Complete : course.Stop is not null ? CourseState.Stopped : course.Start is null ? CourseState.NotStarted : CourseState.Ongoing,
            StoppedOn = course.Stop?.Date, StopReason = course.Stop?.Reason, StopNote = course.Stop?.Note,
        };
    }
}
