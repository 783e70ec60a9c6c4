using System.Globalization;
using ProtocolEngine.Engine.Assessments;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Engine.Roster;
using ProtocolEngine.Engine.Storage;
using ProtocolEngine.Engine.Safety;
using ProtocolEngine.Engine.Scheduling;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Engine.Treatment;

namespace ProtocolEngine.Engine.Workspace;

public sealed partial class TrialWorkspace
{
    /// <summary>Severe adverse events: CTCAE grade 3 or more.</summary>
    public const int SevereGrade = ParticipantRoster.SevereGrade;

    /// <summary>The summary, computed again only when something changed (the audit head moved) or the day changed.</summary>
    public DashboardSummary Dashboard()
    {
        var today = session.Today;
        var head = session.Read(Permission.ReadRecords, r => r.GetMeta(Audit.AuditHead.MetaKey));
        lock (_cacheLock)
        {
            if (_dashboard is { } cached && cached.Head == head && cached.Today == today) return cached.Summary;
        }
        var summary = Compute(today);
        lock (_cacheLock) _dashboard = (head, today, summary);
        return summary;
    }

    private DashboardSummary Compute(DateOnly today)
    {
        var protocol = session.Protocol;
        var visits = new VisitService(session);
        return session.Read(Permission.ReadRecords, r =>
        {
            if (new ParticipantRoster(session).Read(r) is { } roster)
                return FromRoster(r, roster, today, visits);
            var randomized = r.Scan<RandomizationRecord>().Select(x => (x.ArmId, x.RandomizedOn)).ToList();
            var screened = 0;
            string? last = null;
            foreach (var s in r.Scan<ScreeningRecord>())
                if (s.ParticipantId != last) { screened++; last = s.ParticipantId; }
            int registered = 0, ineligible = 0, fractionsToday = 0, dueThisWeek = 0, overdue = 0;
            foreach (var p in r.Scan<Participant>())
            {
                registered++;
                if (p.Status == ParticipantStatus.Ineligible) { ineligible++; continue; }
                if (p.Status is ParticipantStatus.Screening) continue;
                if (p.Status == ParticipantStatus.Randomized && protocol.Fractionation is { } f && protocol.Sites.FirstOrDefault(s => s.Id == p.SiteId) is { } site)
                {
                    var course = TreatmentService.CourseOf(r, f, site, p.Id, today);
                    var deliveredToday = r.ForParticipant<FractionRecord>(p.Id).Any(x => x.Date == today);
                    if (deliveredToday || (!course.Closed && course.RemainingDates.Contains(today))) fractionsToday++;
                }
                Tally(visits.Plan(r, p, today), today, ref dueThisWeek, ref overdue);
            }
            var severe = r.Scan<AdverseEvent>().Count(e => e.Resolved is null && e.Grade >= SevereGrade);
            return Summary(today, randomized, registered, screened, ineligible, fractionsToday, dueThisWeek, overdue, severe);
        });
    }

    /// <summary>
    /// The same counts from the roster (<see cref="ParticipantRoster"/>): a few documents instead of every participant's
    /// records; only the participants whose course is under way or whose visit dates are still projected are read.
    /// </summary>
    private DashboardSummary FromRoster(IRecordReader r, IReadOnlyList<RosterEntry> roster, DateOnly today, VisitService visits)
    {
        var protocol = session.Protocol;
        var randomized = roster.Where(e => e.ArmId is not null && e.RandomizedOn is not null).Select(e => (e.ArmId!, e.RandomizedOn!.Value)).ToList();
        int ineligible = 0, fractionsToday = 0, dueThisWeek = 0, overdue = 0;
        foreach (var e in roster)
        {
            var p = e.Participant;
            if (p.Status == ParticipantStatus.Ineligible) { ineligible++; continue; }
            if (p.Status is ParticipantStatus.Screening) continue;
            if (p.Status == ParticipantStatus.Randomized && e.LastFractionOn == today) fractionsToday++;
            else if (p.Status == ParticipantStatus.Randomized && e.TreatmentOngoing && protocol.Fractionation is { } f
                && protocol.Sites.FirstOrDefault(s => s.Id == p.SiteId) is { } site)
            {
                var course = TreatmentService.CourseOf(r, f, site, p.Id, today);
                if (!course.Closed && course.RemainingDates.Contains(today)) fractionsToday++;
            }
            Tally(e.Live ? visits.Plan(r, p, today) : e.OpenOn(today), today, ref dueThisWeek, ref overdue);
        }
        return Summary(today, randomized, roster.Count, roster.Count(e => e.Screened), ineligible, fractionsToday, dueThisWeek, overdue,
            roster.Sum(e => e.OpenSevereAdverseEvents));
    }

    /// <summary>Counts the overdue occurrences and those due or upcoming whose window meets the week from <paramref name="today"/>.</summary>
    private static void Tally(IEnumerable<VisitOccurrence> occurrences, DateOnly today, ref int dueThisWeek, ref int overdue)
    {
        var weekEnd = today.AddDays(6);
        foreach (var o in occurrences)
        {
            if (o.Status == VisitStatus.Overdue) overdue++;
            else if (o.Status is VisitStatus.Due or VisitStatus.Upcoming && o.WindowStart <= weekEnd && o.WindowEnd >= today) dueThisWeek++;
        }
    }

    private DashboardSummary Summary(DateOnly today, List<(string ArmId, DateOnly RandomizedOn)> randomized, int registered, int screened, int ineligible,
        int fractionsToday, int dueThisWeek, int overdue, int severe)
    {
        var protocol = session.Protocol;
        var target = protocol.Statistics.SampleSize;
        var ratioSum = Math.Max(1, protocol.Arms.Sum(a => a.Ratio));
        return new DashboardSummary
        {
            AsOf = today,
            TargetTotal = target,
            Randomized = randomized.Count,
            Arms = [.. protocol.Arms.Select(a => new ArmEnrolment(a.Id, a.Name, randomized.Count(x => x.ArmId == a.Id),
                (int)Math.Round(target * (double)a.Ratio / ratioSum, MidpointRounding.AwayFromZero)))],
            EnrolmentOverTime = Monthly(randomized.Select(x => x.RandomizedOn), today),
            Registered = registered,
            Screened = screened,
            Ineligible = ineligible,
            FractionsToday = fractionsToday,
            VisitsDueThisWeek = dueThisWeek,
            VisitsOverdue = overdue,
            OpenSevereAdverseEvents = severe,
        };
    }

    /// <summary>The cumulative count at the end of each month from the first date's month to <paramref name="today"/>'s.</summary>
    internal static IReadOnlyList<EnrolmentPoint> Monthly(IEnumerable<DateOnly> dates, DateOnly today)
    {
        var byMonth = dates.GroupBy(d => new DateOnly(d.Year, d.Month, 1)).ToDictionary(g => g.Key, g => g.Count());
        if (byMonth.Count == 0) return [];
        var points = new List<EnrolmentPoint>();
        var total = 0;
        for (var m = byMonth.Keys.Min(); m <= new DateOnly(today.Year, today.Month, 1); m = m.AddMonths(1))
        {
            total += byMonth.GetValueOrDefault(m);
            points.Add(new EnrolmentPoint(m.ToString("yyyy-MM", CultureInfo.InvariantCulture), total));
        }
        return points;
    }
}
