using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Scheduling;

namespace ProtocolEngine.Engine.Demo;

/// <summary>
/// Plans everything that happens to one randomized participant, as dated actions through the record
/// services: radiotherapy (with missed sessions and early stops), side effects, visits with pain
/// assessments and imaging of the treated levels, the diary, contacts, and a death, loss to
/// follow-up or withdrawal, after which nothing is recorded. Partial by concern.
/// </summary>
internal sealed partial class DemoParticipant(DemoContext context, string id, DateOnly randomized, Site site, DemoPain pain, IReadOnlyList<string> treatedLevels)
{
    private readonly List<(DateOnly Date, Action Run)> _timeline = [];
    private Random Random => context.Random;
    private Protocol Protocol => context.Protocol;

    /// <summary>The levels imaging looks at: the treated lesions', or one level when the population does not say.</summary>
    private IReadOnlyList<string> _levels = treatedLevels;

    /// <summary>The participant's actions in the order they happen on each day; none after the end of follow-up.</summary>
    public IReadOnlyList<(DateOnly Date, Action Run)> Plan()
    {
        if (_levels.Count == 0) _levels = [DemoSafety.AnyLevel(Random)];
        var course = Protocol.Fractionation is { } f ? DemoCourse.Plan(f, site, randomized, Random) : null;
        var occurrences = VisitPlanner.Plan(id, Protocol.Visits, new VisitAnchors(randomized, randomized, course?.Start, course?.End, false), [], context.Today, null);
        var exit = Exit(course, occurrences.Count == 0 ? randomized.AddYears(1) : occurrences.Max(o => o.WindowEnd));
        IReadOnlyList<DemoSafety.LateEffect> late = [];
        if (course is not null)
        {
            Treatment(course);
            late = DemoSafety.Late(course.End, _levels, Random);
            Safety(course, late);
        }
        Visits(occurrences, late);
        if (course is not null && Protocol.Diary is { } diary) Diary(course, diary);
        if (exit is not { } e) return _timeline;
        Add(e.Date, e.Run);
        return [.. _timeline.Where(x => x.Date <= e.Date)];
    }

    private void Add(DateOnly date, Action run) => _timeline.Add((date, run));
}
