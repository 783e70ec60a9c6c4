using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Assessments;

namespace ProtocolEngine.Engine.Scheduling;

/// <summary>
/// Generates a participant's visit occurrences from the protocol's schedule: each visit timed from
/// its anchor by days, weeks or months, with its window, repeated every N months until month M.
/// Occurrences after a withdrawal are left out; those not done whose window closes on or after a death
/// or a loss to follow-up are <see cref="VisitStatus.NotExpected"/>.
/// </summary>
public static class VisitPlanner
{
    public static IReadOnlyList<VisitOccurrence> Plan(string participantId, IReadOnlyList<Visit> visits, VisitAnchors anchors,
        IReadOnlyList<VisitRecord> records, DateOnly today, DateOnly? withdrawnOn, DateOnly? followUpEndedOn = null)
    {
        var result = new List<VisitOccurrence>();
        foreach (var visit in visits)
        {
            var anchor = visit.Anchor switch
            {
                VisitAnchor.Screening => anchors.Screening,
                VisitAnchor.Randomization => anchors.Randomization,
                VisitAnchor.RadiotherapyStart => anchors.RadiotherapyStart,
                _ => anchors.RadiotherapyEnd,
            };
            if (anchor is not { } a) continue;
            var projected = (visit.Anchor == VisitAnchor.RadiotherapyEnd && anchors.EndProjected)
                || (visit.Anchor == VisitAnchor.RadiotherapyStart && anchors.StartProjected);
            var repeats = visit.Repeat is { } rep ? Enumerable.Range(0, int.MaxValue).TakeWhile(k => (visit.Months ?? 0) + k * rep.EveryMonths <= rep.UntilMonth) : [0];
            foreach (var k in repeats)
            {
                var target = Target(visit, a, k);
                if (withdrawnOn is { } w && target > w && records.All(r => r.VisitId != visit.Id || r.Occurrence != k))
                    continue;
                var start = target.AddDays(-visit.Window.BeforeDays);
                var end = target.AddDays(visit.Window.AfterDays);
                var record = records.FirstOrDefault(r => r.VisitId == visit.Id && r.Occurrence == k);
                var status = record is not null ? (record.Missed ? VisitStatus.Missed : VisitStatus.Done)
                    : followUpEndedOn is { } ended && end >= ended ? VisitStatus.NotExpected
                    : WindowStatus(start, end, today);
                result.Add(new VisitOccurrence
                {
                    ParticipantId = participantId, VisitId = visit.Id, Label = visit.Label, Occurrence = k,
                    Target = target, WindowStart = start, WindowEnd = end, Status = status, Projected = projected && record is null,
                });
            }
        }
        return result.OrderBy(o => o.Target).ThenBy(o => o.VisitId, StringComparer.Ordinal).ToList();
    }

    /// <summary>The status of an occurrence with nothing recorded, still expected, on <paramref name="day"/>: before, in or after its window.</summary>
    public static VisitStatus WindowStatus(DateOnly windowStart, DateOnly windowEnd, DateOnly day) =>
        day < windowStart ? VisitStatus.Upcoming : day <= windowEnd ? VisitStatus.Due : VisitStatus.Overdue;

    private static DateOnly Target(Visit v, DateOnly anchor, int repeat)
    {
        var every = v.Repeat?.EveryMonths ?? 0;
        if (v.Months is { } m) return anchor.AddMonths(m + repeat * every);
        var d = v.Days ?? (v.Weeks ?? 0) * 7;
        return anchor.AddDays(d).AddMonths(repeat * every);
    }
}
