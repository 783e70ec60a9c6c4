using ProtocolEngine.Engine.Screening;

namespace ProtocolEngine.Benchmarks;

/// <summary>
/// The seed protocol's inclusion and exclusion criteria as hand-written C# lambdas, evaluated with
/// the same verdict logic as the engine (met / not met / unknown on a missing value / error), so
/// the comparison measures the engine's overhead, not a different amount of work.
/// </summary>
public static class HandWrittenRules
{
    private sealed record Node(CriterionKind Kind, Func<BenchParticipant, bool>? Rule, Func<BenchParticipant, bool>[] Parts);

    private static Node Inc(Func<BenchParticipant, bool> rule) => new(CriterionKind.Inclusion, rule, []);
    private static Node Exc(Func<BenchParticipant, bool> rule) => new(CriterionKind.Exclusion, rule, []);

    private static readonly Node[] Criteria =
    [
        Inc(p => p.age!.Value >= 18 && p.age.Value <= 80),
        Inc(p =>
        {
            var sites = BenchSpine.CountDiscontinuous(p.metastases ?? throw new InvalidOperationException("metastases"));
            return !BenchSpine.IsHaematological(p.primary_tumour ?? throw new InvalidOperationException("primary_tumour"))
                && p.pathology_confirmed!.Value && p.imaging_confirmed!.Value && sites >= 1 && sites <= 3 && !p.cord_compression!.Value;
        }),
        Inc(p => p.ecog!.Value <= 1),
        Inc(p => !p.severe_hypertension!.Value && !p.severe_diabetes!.Value && !p.severe_heart_disease!.Value && !p.other_serious_chronic_disease!.Value),
        Inc(p => !p.rt_contraindication!.Value && !p.prior_vertebral_metastasis_rt!.Value),
        Inc(p => p.estimated_survival_months!.Value >= 3),
        Inc(p => p.informed_consent!.Value && p.willing_follow_up!.Value),
        Exc(p => p.benign_bone_destruction!.Value || p.diffuse_bone_destruction!.Value || BenchSpine.IsHaematological(p.primary_tumour ?? throw new InvalidOperationException("primary_tumour"))),
        Exc(p => p.other_trial_participation!.Value && BenchSpine.DaysBetween(p.other_trial_last_date!.Value, p.screening_date!.Value) < 28),
        new(CriterionKind.Exclusion, null,
        [
            p => p.myocardial_infarction_or_ischaemia!.Value || p.arrhythmia!.Value || p.nyha_class!.Value >= 2 || p.qtc_ms!.Value >= 480,
            p => p.infection_grade!.Value >= 2 || p.unhealed_wound!.Value,
            p => p.active_bleeding_coagulopathy!.Value,
            p => p.systolic_bp!.Value >= 180 || p.diastolic_bp!.Value >= 110,
            p => p.great_vessel_invasion_bleeding_risk!.Value,
        ]),
        Exc(p => p.drug_abuse_unable_to_quit!.Value || p.mental_disorder!.Value),
        Exc(p => p.prior_target_treatment!.Value && BenchSpine.CompletedMonths(p.prior_target_treatment_date!.Value, p.screening_date!.Value) < 6),
        Exc(p => p.serious_comorbidity_judgement!.Value),
    ];

    private static Verdict Run(Func<BenchParticipant, bool> rule, BenchParticipant p)
    {
        try { return rule(p) ? Verdict.Met : Verdict.NotMet; }
        catch (InvalidOperationException) { return Verdict.Unknown; }
        catch (Exception) { return Verdict.Error; }
    }

    public static ScreeningStatus Screen(BenchParticipant p)
    {
        var status = ScreeningStatus.Eligible;
        Span<Verdict> parts = stackalloc Verdict[8];
        foreach (var node in Criteria)
        {
            Verdict verdict;
            if (node.Rule is not null)
                verdict = Run(node.Rule, p);
            else
            {
                for (var i = 0; i < node.Parts.Length; i++) parts[i] = Run(node.Parts[i], p);
                verdict = ThreeValued.Any(parts[..node.Parts.Length]);
            }
            status = ThreeValued.Fold(status, node.Kind, verdict);
        }
        return status;
    }
}
