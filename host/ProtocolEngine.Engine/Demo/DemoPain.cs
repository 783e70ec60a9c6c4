using ProtocolEngine.Engine.Reference;
using ProtocolEngine.Engine.Assessments;

namespace ProtocolEngine.Engine.Demo;

/// <summary>
/// One participant's pain: worst pain at the treated site (NRS 0-10) and an opioid at a daily dose
/// at baseline, and whether follow-up pain responds by the International Consensus (Chow et al.
/// 2012). A responder's pain falls by 2 or more without more analgesics (or, when it cannot fall
/// that far, the analgesics fall by half); a non-responder's pain stays within one point below to
/// two above baseline with the same or 25% more analgesics, which is never a response.
/// </summary>
internal sealed record DemoPain(int Baseline, OpioidFactor? Drug, double Dose, bool Responder)
{
    public static DemoPain Draw(Random random, int? baseline, double responseRate)
    {
        var pain = baseline ?? random.Next(4, 10);
        var drug = random.NextDouble() < 0.6 ? OmedTable.Default.Drugs.ElementAt(random.Next(OmedTable.Default.Drugs.Count)) : null;
        var dose = drug is null ? 0 : Math.Round(drug.Unit == "ug/h" ? 12.5 * random.Next(1, 4) : 30 / drug.Factor * random.Next(1, 4), 1);
        var responder = random.NextDouble() < responseRate && (pain >= 2 || drug is not null);
        return new DemoPain(pain, drug, dose, responder);
    }

    /// <summary>Pain and dose at a follow-up visit.</summary>
    public (int Pain, double Dose) FollowUp(Random random)
    {
        if (Responder)
            return Baseline >= 2
                ? (Baseline - random.Next(2, Baseline + 1), Math.Round(Dose * (random.NextDouble() < 0.5 ? 0.5 : 1.0), 1))
                : (Baseline, Math.Round(Dose * 0.5, 1));
        var pain = Math.Clamp(Baseline + random.Next(-1, 3), Math.Min(Baseline, 1), 10);
        return (pain, Math.Round(Dose * (1.0 + 0.25 * random.Next(0, 2)), 1));
    }

    public IReadOnlyList<AnalgesicInput> Analgesics(double dose) => Drug is null || dose <= 0 ? [] : [new AnalgesicInput(Drug.Id, dose)];
}
