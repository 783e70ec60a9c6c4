using ProtocolEngine.Engine.Safety;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Reference;

namespace ProtocolEngine.Engine.Demo;

internal sealed partial class DemoParticipant
{
    private void Treatment(DemoCourse course)
    {
        foreach (var (date, missed) in course.Sessions)
            Add(date, () => new TreatmentService(context.Investigator).Record(id, date, missed));
        if (course.Stop is not { } stop) return;
        if (stop.Reason == StopReason.Toxicity)
            ToxicityBehindStop(course.Start, stop.Date);
        Add(stop.Date, () => new TreatmentService(context.Investigator).Stop(id, stop.Date, stop.Reason, $"synthetic: stopped after fraction {course.Sessions.Count(s => !s.Missed)}"));
    }

    /// <summary>A course stopped for toxicity has the grade 3 acute event that stopped it, begun during the course.</summary>
    private void ToxicityBehindStop(DateOnly start, DateOnly stop)
    {
        var candidates = DemoSafety.Acute.Select(a => CtcaeCatalog.Default.Find(a.Term)).OfType<CtcaeTerm>().Where(t => t.HasGrade(3)).ToList();
        if (candidates.Count == 0) return;
        var term = candidates[Random.Next(candidates.Count)];
        var onset = start.AddDays(Random.Next(0, stop.DayNumber - start.DayNumber + 1));
        AdverseEvent(term, 3, onset, null, Relatedness.Probable);
    }

    private void Safety(DemoCourse course, IReadOnlyList<DemoSafety.LateEffect> late)
    {
        var span = course.End.DayNumber - course.Start.DayNumber;
        foreach (var (name, probability, maxGrade) in DemoSafety.Acute)
        {
            if (Random.NextDouble() >= probability || CtcaeCatalog.Default.Find(name) is not { } term) continue;
            var grade = DemoSafety.Grade(term, maxGrade, Random);
            var onset = course.Start.AddDays(Random.Next(2, span + 15));
            AdverseEvent(term, grade, onset, onset.AddDays(Random.Next(5, 40)), grade >= 3 ? Relatedness.Probable : Relatedness.Possible);
        }
        foreach (var effect in late)
        {
            var relation = effect.Finding == FindingKind.RadiationMyelopathy || effect.Grade >= 3 ? Relatedness.Probable : Relatedness.Possible;
            AdverseEvent(effect.Term, effect.Grade, effect.Onset, null, relation);
            Add(effect.Onset, () => new ImagingService(context.Investigator).Add(id, Finding(effect, effect.Onset)));
        }
    }

    /// <summary>An event added at its onset and, when it resolves, updated then.</summary>
    private void AdverseEvent(CtcaeTerm term, int grade, DateOnly onset, DateOnly? resolved, Relatedness relation)
    {
        string? eventId = null;
        Add(onset, () => eventId = new AdverseEventService(context.Investigator, CtcaeCatalog.Default).Add(id, new AdverseEventInput
        {
            Term = term.Term, Grade = grade, Onset = onset, Serious = grade >= 3, Relation = relation,
        }).Id);
        if (resolved is { } r)
            Add(r, () => new AdverseEventService(context.Investigator, CtcaeCatalog.Default).Update(eventId!, a => a with { Resolved = r }, "resolution reported at follow-up"));
    }

    /// <summary>What imaging of a level on <paramref name="date"/> shows of a late effect (MRI for myelopathy, CT with SINS for a fracture).</summary>
    private static ImagingInput Finding(DemoSafety.LateEffect effect, DateOnly date) => new()
    {
        Date = date, Modality = effect.Finding == FindingKind.RadiationMyelopathy ? ImagingModality.Mri : ImagingModality.Ct,
        Finding = effect.Finding, Level = effect.Level, Sins = effect.Sins,
    };
}
