using System.Text.Json;
using ProtocolEngine.Engine.Export;
using ProtocolEngine.Engine.Assessments;
using ProtocolEngine.Engine.FollowUp;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Engine.Safety;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Security;

namespace ProtocolEngine.Tests.Records.Support;

/// <summary>
/// The export as it was before it streamed (ExportService.Collect at 04cb1d4): every table read whole with All,
/// sorted globally, the trail in a read of its own. Kept only here, so that the streamed exports can be held to
/// its output byte for byte.
/// </summary>
public static class LegacyExport
{
    public static TrialExport Collect(TrialSession session)
    {
        var full = RolePolicy.Allows(session.User.Role, Permission.ViewRandomizationList);
        var audit = session.Read(Permission.ReadRecords, r =>
        {
            var entries = r.AuditEntries().AsEnumerable();
            if (!full)
                entries = entries.Select(e => e.Collection == RandomizationRecord.Collection ? e with { NewValue = "(concealed)", OldValue = null } : e);
            return entries.ToList();
        });
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
            Courses = Courses(session, r),
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

    /// <summary>The JSON export as the command wrote it to a file.</summary>
    public static string Json(TrialSession session) => JsonSerializer.Serialize(Collect(session), RecordJson.Indented);

    /// <summary>The ODM export as the command wrote it to a file (declaration, new line, the document).</summary>
    public static string Odm(TrialSession session)
    {
        var doc = OdmExporter.Export(session.Protocol, Collect(session));
        return doc.Declaration + Environment.NewLine + doc;
    }

    private static List<CourseSummary> Courses(TrialSession session, IRecordReader r)
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

    private static List<T> Sorted<T>(IEnumerable<T> records) where T : IRecord =>
        [.. records.OrderBy(x => x.ParticipantId, StringComparer.Ordinal).ThenBy(x => x.Id.Length).ThenBy(x => x.Id, StringComparer.Ordinal)];
}
