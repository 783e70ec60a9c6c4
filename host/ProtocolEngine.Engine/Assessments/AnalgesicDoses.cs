using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Reference;

namespace ProtocolEngine.Engine.Assessments;

/// <summary>Analgesics as entered, checked against the OMED table and converted to oral morphine equivalents.</summary>
public static class AnalgesicDoses
{
    public static IReadOnlyList<AnalgesicDose> Convert(OmedTable omed, IReadOnlyList<AnalgesicInput> analgesics) =>
        analgesics.Select((a, i) =>
        {
            var factor = omed.Find(a.Drug, $"analgesics[{i}].drug");
            Guards.InRange(a.DailyAmount, 0.001, 100_000, $"analgesics[{i}].amount");
            return new AnalgesicDose { Drug = factor.Id, DailyAmount = a.DailyAmount, Unit = factor.Unit, OmedMg = omed.ToOmed(factor.Id, a.DailyAmount, "drug") };
        }).ToList();

    /// <summary>The day's total oral morphine equivalent in mg, rounded to 0.01 mg.</summary>
    public static double TotalOmed(IReadOnlyList<AnalgesicDose> doses) => Math.Round(doses.Sum(d => d.OmedMg), 2);
}
