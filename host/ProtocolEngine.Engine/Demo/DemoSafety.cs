using ProtocolEngine.Engine.Safety;
using ProtocolEngine.Engine.Reference;

namespace ProtocolEngine.Engine.Demo;

/// <summary>
/// Side effects of palliative spine radiotherapy as the demo draws them (CTCAE v5.0 terms). Acute
/// ones begin from the third day of the course to two weeks after its end; late ones months after
/// it: a vertebral compression fracture (a few to ~10% after conventional radiotherapy, mostly within
/// the first year) 1-12 months after the end, radiation myelopathy (rare after 30 Gy in 10 fractions,
/// &lt;1%; months to years) 6-24 months after. Both arms get the same rates: the trial asks whether
/// they differ, and the demo does not presume the answer. A late effect is seen on imaging of one
/// of the treated levels.
/// </summary>
internal static class DemoSafety
{
    public static readonly (string Term, double Probability, int MaxGrade)[] Acute =
    [
        ("Dermatitis radiation", 0.30, 2), ("Fatigue", 0.35, 2), ("Nausea", 0.18, 2), ("Vomiting", 0.06, 2), ("Esophagitis", 0.10, 2),
        ("Diarrhea", 0.08, 2), ("Back pain", 0.12, 3), ("Radiculitis", 0.03, 2),
    ];

    public const double FractureRate = 0.07;
    public const double MyelopathyRate = 0.005;

    public sealed record LateEffect(FindingKind Finding, CtcaeTerm Term, DateOnly Onset, string Level, int Grade, SinsInput? Sins);

    public static IReadOnlyList<LateEffect> Late(DateOnly end, IReadOnlyList<string> levels, Random random)
    {
        var result = new List<LateEffect>();
        if (random.NextDouble() < FractureRate && CtcaeCatalog.Default.Find("Spinal fracture") is { } fracture)
        {
            var level = levels[random.Next(levels.Count)];
            result.Add(new LateEffect(FindingKind.Fracture, fracture, end.AddDays(random.Next(30, 366)), level, Grade(fracture, 3, random), new SinsInput
            {
                Level = level, Pain = random.NextDouble() < 0.7 ? SinsPain.Mechanical : SinsPain.OccasionalNonMechanical,
                BoneLesion = (SinsBoneLesion)random.Next(3), Alignment = random.NextDouble() < 0.8 ? SinsAlignment.Normal : SinsAlignment.DeNovoDeformity,
                Collapse = random.NextDouble() < 0.7 ? SinsCollapse.UnderHalf : SinsCollapse.OverHalf, PosteriorElements = (SinsPosterior)random.Next(3),
            }));
        }
        if (random.NextDouble() < MyelopathyRate && CtcaeCatalog.Default.Find("Myelitis") is { } myelitis)
            result.Add(new LateEffect(FindingKind.RadiationMyelopathy, myelitis, end.AddDays(random.Next(183, 731)), levels[random.Next(levels.Count)], Grade(myelitis, 3, random), null));
        return result;
    }

    /// <summary>An existing grade of the term up to <paramref name="max"/>, low grades the most likely.</summary>
    public static int Grade(CtcaeTerm term, int max, Random random)
    {
        var grades = term.ExistingGrades.Where(g => g <= max).ToList();
        return grades[Math.Min(grades.Count - 1, (int)Math.Floor(Math.Pow(random.NextDouble(), 2) * grades.Count))];
    }

    /// <summary>A vertebral level for imaging when the population does not say where the lesions are.</summary>
    public static string AnyLevel(Random random) => $"{"TTTLLC"[random.Next(6)]}{random.Next(1, 6)}";
}
