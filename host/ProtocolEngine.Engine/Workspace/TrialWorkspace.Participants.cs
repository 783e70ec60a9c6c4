using ProtocolEngine.Engine.Assessments;
using ProtocolEngine.Engine.FollowUp;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Engine.Roster;
using ProtocolEngine.Engine.Safety;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Workspace;

public sealed partial class TrialWorkspace
{
    /// <summary>The largest page a list asks for.</summary>
    public const int MaxPage = 1000;

    public ParticipantListPage Participants(ParticipantQuery query)
    {
        if (query.Offset < 0) throw new RecordRejectedException("offset", $"{query.Offset} is negative; pages start at 0.");
        if (query.Count is < 1 or > MaxPage) throw new RecordRejectedException("count", $"{query.Count} must be between 1 and {MaxPage}.");
        ParticipantStatus? status = null;
        if (!string.IsNullOrWhiteSpace(query.Status))
            status = Enum.GetValues<ParticipantStatus>().FirstOrDefault(s => Guards.Text(s) == query.Status.Trim().ToLowerInvariant(), (ParticipantStatus)(-1)) is var s && Enum.IsDefined(s)
                ? s : throw new RecordRejectedException("status", $"'{query.Status}' is not a status; statuses: {string.Join(", ", Enum.GetValues<ParticipantStatus>().Select(Guards.Text))}.");
        var text = query.Text?.Trim() ?? "";
        var rows = new List<ParticipantRow>(Math.Min(query.Count, 256));
        var total = 0;
        foreach (var p in AllParticipants())
        {
            if (status is { } wanted && p.Status != wanted) continue;
            if (text.Length > 0 && !Matches(p, text)) continue;
            if (total >= query.Offset && rows.Count < query.Count) rows.Add(Row(p));
            total++;
        }
        return new ParticipantListPage(rows, total, query.Offset);
    }

    private readonly Lock _cacheLock = new();
    private (string? Head, IReadOnlyList<Participant> Rows)? _participants;
    private (string? Head, DateOnly Today, DashboardSummary Summary)? _dashboard;

    /// <summary>
    /// Every participant in id order, read once and kept while the audit chain's head stays the same: every change,
    /// by this user or another (another terminal, the CLI), moves the head, so a change is never missed.
    /// </summary>
    private IReadOnlyList<Participant> AllParticipants() => session.Read(Permission.ReadRecords, r =>
    {
        var head = r.GetMeta(Audit.AuditHead.MetaKey);
        lock (_cacheLock)
        {
            if (_participants is { } cached && cached.Head == head) return cached.Rows;
        }
        var rows = new ParticipantRoster(session).Read(r)?.Select(e => e.Participant).ToList() ?? r.Scan<Participant>().ToList();
        lock (_cacheLock) _participants = (head, rows);
        return rows;
    });

    private static bool Matches(Participant p, string text) =>
        p.Id.Contains(text, StringComparison.OrdinalIgnoreCase) || p.Initials.Contains(text, StringComparison.OrdinalIgnoreCase)
        || Guards.Text(p.Status).Equals(text, StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<string> ParticipantIds(string prefix, int limit) =>
        AllParticipants().Select(p => p.Id).Where(id => id.StartsWith(prefix.Trim(), StringComparison.OrdinalIgnoreCase)).Take(Math.Clamp(limit, 1, MaxPage)).ToList();

    public ParticipantPage Participant(string participantId)
    {
        var course = session.Protocol.Fractionation is null ? null : new TreatmentService(session).Course(participantId);
        var visits = new VisitService(session).ForParticipant(participantId);
        return session.Read(Permission.ReadRecords, r =>
        {
            var p = Guards.Participant(r, participantId);
            var screening = r.ForParticipant<ScreeningRecord>(participantId).OrderBy(s => s.ScreenedOn).ThenBy(s => s.Id.Length).ThenBy(s => s.Id).LastOrDefault();
            var rand = r.ForParticipant<RandomizationRecord>(participantId).FirstOrDefault();
            var fractions = r.ForParticipant<FractionRecord>(participantId);
            var vital = Guards.VitalStatus(r, participantId);
            return new ParticipantPage
            {
                Participant = Row(p),
                ScreenedOn = screening?.ScreenedOn,
                ScreeningStatus = screening is null ? null : VerdictNames.Of(screening.Outcome.Status),
                Criteria = screening is null ? [] : [.. screening.Outcome.Verdicts.Select(v => Criterion(session.Protocol, v))],
                Allocation = rand is null ? null : Allocation(rand),
                TargetVolumes = [.. r.ForParticipant<TargetVolume>(participantId).Select(t =>
                    new TargetVolumeRow(t.Level, t.GtvSectors, t.CtvSectors, t.OptionalSectors, t.CtvPolicy, t.Rule, t.Circumferential, t.PtvMarginCm))],
                Course = course is null || rand is null ? null : new CourseView(course.PlannedFractions, course.Delivered, course.Missed, course.DeliveredDoseGy,
                    [.. fractions.OrderBy(f => f.Date).Select(f => new FractionDay(f.Date, Guards.Text(f.Status))),
                     .. (course.Closed ? [] : Planned(course, rand, fractions, p.SiteId).Select(d => new FractionDay(d, "planned")))],
                    course.Stop?.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), course.Stop is null ? null : Guards.Text(course.Stop.Reason)),
                Visits = [.. visits.Select(o => new VisitRow(o.VisitId, o.Label, o.Occurrence, o.Target, o.WindowStart, o.WindowEnd, Guards.Text(o.Status)))],
                Pain = [.. r.ForParticipant<Assessment>(participantId).OrderBy(a => a.Date).Select(a => new PainPoint(a.Date, a.VisitId, a.WorstPain, a.OmedMg))],
                Diary = [.. r.ForParticipant<DiaryEntry>(participantId).OrderBy(d => d.Date).Select(d => new DiaryRow(d.Date, d.WorstPain, d.OmedMg))],
                AdverseEvents = [.. r.ForParticipant<AdverseEvent>(participantId).OrderBy(e => e.Onset).Select(e =>
                    new AdverseEventRow(e.Id, e.Term, e.Grade, e.Onset, e.Resolved, e.Serious, Guards.Text(e.RelationToRadiotherapy)))],
                VitalStatus = vital is null ? null : Guards.Text(vital.Status),
                VitalStatusDate = vital?.Date,
                WithdrawnOn = r.ForParticipant<Withdrawal>(participantId).Select(w => (DateOnly?)w.Date).FirstOrDefault(),
                Audit = [.. r.AuditOf(participantId).Select(a => new AuditRow(a.Sequence, a.TimestampUtc, a.User, a.Action, a.RecordId, a.Reason))],
            };
        });
    }

    /// <summary>
    /// The fraction days to come: the course's own once it has started; before the first fraction, the whole course
    /// projected from the day after randomization, today and the last missed fraction, whichever is latest (as the visit planner does).
    /// </summary>
    private IReadOnlyList<DateOnly> Planned(Scheduling.TreatmentCourse course, RandomizationRecord? rand, IReadOnlyList<FractionRecord> fractions, string siteId)
    {
        if (course.Start is not null || rand is null || session.Protocol.Fractionation is not { } f) return course.RemainingDates;
        var lastMissed = fractions.Select(x => (DateOnly?)x.Date).Max();
        var from = new[] { rand.RandomizedOn.AddDays(1), session.Today, lastMissed?.AddDays(1) ?? session.Today }.Max();
        return Scheduling.FractionCalendar.Plan(from, f.Fractions, f, Guards.Site(session.Protocol, siteId));
    }
}
