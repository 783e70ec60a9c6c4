using ProtocolEngine.Engine.Records.Model;
using ProtocolEngine.Engine.Records.Security;
using ProtocolEngine.Engine.Records.Services;

namespace ProtocolEngine.Engine.Records.Export;

/// <summary>Collects the database's records for export, hiding list positions and blocks from roles that may not see the list.</summary>
public sealed class ExportService(TrialSession session)
{
    public TrialExport Collect()
    {
        var full = RolePolicy.Allows(session.User.Role, Permission.ViewRandomizationList);
        var audit = new AuditService(session).Show();
        return session.Read(Permission.Export, r => new TrialExport
        {
            ProtocolId = session.Protocol.Id, ProtocolHash = session.ProtocolHash, ExportedAtUtc = session.Clock.GetUtcNow(),
            ExportedBy = session.User.Id, IncludesRandomizationList = full,
            ProtocolVersions = [.. r.All<ProtocolVersion>().OrderBy(v => v.Number)],
            Participants = [.. r.All<Participant>().OrderBy(p => p.Id, StringComparer.Ordinal)],
            Screenings = Sorted(r.All<ScreeningRecord>()),
            Randomizations = [.. r.All<RandomizationRecord>().OrderBy(x => x.ParticipantId, StringComparer.Ordinal)
                .Select(x => full ? x : x with { ListPosition = 0, BlockId = "", StratumKey = "", Factors = new Dictionary<string, string>() })],
            Fractions = [.. r.All<FractionRecord>().OrderBy(x => x.ParticipantId, StringComparer.Ordinal).ThenBy(x => x.Sequence)],
            TreatmentStops = Sorted(r.All<TreatmentStop>()),
            Courses = Courses(r),
            TargetVolumes = Sorted(r.All<TargetVolume>()),
            Visits = Sorted(r.All<VisitRecord>()),
            Assessments = [.. r.All<Assessment>().OrderBy(x => x.ParticipantId, StringComparer.Ordinal).ThenBy(x => x.Date)],
            Diary = [.. r.All<DiaryEntry>().OrderBy(x => x.ParticipantId, StringComparer.Ordinal).ThenBy(x => x.Date)],
            AdverseEvents = Sorted(r.All<AdverseEvent>()),
            Imaging = Sorted(r.All<ImagingFinding>()),
            Withdrawals = Sorted(r.All<Withdrawal>()),
            VitalStatus = Sorted(r.All<VitalStatusRecord>()),
            Audit = audit,
        });
    }

    private List<CourseSummary> Courses(Persistence.IRecordReader r)
    {
        if (session.Protocol.Fractionation is not { } f) return [];
        var sites = session.Protocol.Sites.ToDictionary(s => s.Id);
        var participants = r.All<Participant>().ToDictionary(p => p.Id);
        return [.. r.All<RandomizationRecord>().OrderBy(x => x.ParticipantId, StringComparer.Ordinal)
            .Where(x => participants.TryGetValue(x.ParticipantId, out var p) && sites.ContainsKey(p.SiteId))
            .Select(x =>
            {
                var course = TreatmentService.CourseOf(r, f, sites[participants[x.ParticipantId].SiteId], x.ParticipantId, session.Today);
                return new CourseSummary
                {
                    ParticipantId = x.ParticipantId, PlannedFractions = course.PlannedFractions, Delivered = course.Delivered, Missed = course.Missed,
                    DeliveredDoseGy = course.DeliveredDoseGy, Start = course.Start, End = course.End,
                    State = course.Complete ? CourseState.Complete : course.Stop is not null ? CourseState.Stopped : course.Start is null ? CourseState.NotStarted : CourseState.Ongoing,
                    StoppedOn = course.Stop?.Date, StopReason = course.Stop?.Reason, StopNote = course.Stop?.Note,
                };
            })];
    }

    private static List<T> Sorted<T>(IEnumerable<T> records) where T : Persistence.IRecord =>
        [.. records.OrderBy(x => x.ParticipantId, StringComparer.Ordinal).ThenBy(x => x.Id.Length).ThenBy(x => x.Id, StringComparer.Ordinal)];
}
