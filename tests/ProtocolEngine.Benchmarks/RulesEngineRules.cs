using ProtocolEngine.Engine.Screening;
using RulesEngine.Models;

namespace ProtocolEngine.Benchmarks;

/// <summary>
/// The same criteria for Microsoft RulesEngine 6.0.1 (expressions in System.Linq.Dynamic.Core
/// syntax over the hand-written participant class; the spine helpers registered as a custom type).
/// </summary>
public sealed class RulesEngineRules
{
    private static readonly (string Name, CriterionKind Kind, string Expression)[] Criteria =
    [
        ("IC1", CriterionKind.Inclusion, "input1.age >= 18 && input1.age <= 80"),
        ("IC2", CriterionKind.Inclusion, "BenchSpine.IsHaematological(input1.primary_tumour) == false && input1.pathology_confirmed == true && input1.imaging_confirmed == true && BenchSpine.CountDiscontinuous(input1.metastases) >= 1 && BenchSpine.CountDiscontinuous(input1.metastases) <= 3 && input1.cord_compression == false"),
        ("IC3", CriterionKind.Inclusion, "input1.ecog <= 1"),
        ("IC4", CriterionKind.Inclusion, "input1.severe_hypertension == false && input1.severe_diabetes == false && input1.severe_heart_disease == false && input1.other_serious_chronic_disease == false"),
        ("IC5", CriterionKind.Inclusion, "input1.rt_contraindication == false && input1.prior_vertebral_metastasis_rt == false"),
        ("IC6", CriterionKind.Inclusion, "input1.estimated_survival_months >= 3"),
        ("IC7", CriterionKind.Inclusion, "input1.informed_consent == true && input1.willing_follow_up == true"),
        ("EC1", CriterionKind.Exclusion, "input1.benign_bone_destruction == true || input1.diffuse_bone_destruction == true || BenchSpine.IsHaematological(input1.primary_tumour)"),
        ("EC2", CriterionKind.Exclusion, "input1.other_trial_participation == true && BenchSpine.DaysBetween(input1.other_trial_last_date.Value, input1.screening_date.Value) < 28"),
        ("EC3", CriterionKind.Exclusion, "input1.myocardial_infarction_or_ischaemia == true || input1.arrhythmia == true || input1.nyha_class >= 2 || input1.qtc_ms >= 480 || input1.infection_grade >= 2 || input1.unhealed_wound == true || input1.active_bleeding_coagulopathy == true || input1.systolic_bp >= 180 || input1.diastolic_bp >= 110 || input1.great_vessel_invasion_bleeding_risk == true"),
        ("EC4", CriterionKind.Exclusion, "input1.drug_abuse_unable_to_quit == true || input1.mental_disorder == true"),
        ("EC5", CriterionKind.Exclusion, "input1.prior_target_treatment == true && BenchSpine.CompletedMonths(input1.prior_target_treatment_date.Value, input1.screening_date.Value) < 6"),
        ("EC6", CriterionKind.Exclusion, "input1.serious_comorbidity_judgement == true"),
    ];

    private readonly RulesEngine.RulesEngine _engine;
    private readonly Dictionary<string, CriterionKind> _kinds = Criteria.ToDictionary(c => c.Name, c => c.Kind);

    public RulesEngineRules()
    {
        var workflow = new Workflow
        {
            WorkflowName = "screening",
            Rules = Criteria.Select(c => new Rule { RuleName = c.Name, Expression = c.Expression, RuleExpressionType = RuleExpressionType.LambdaExpression }).ToList(),
        };
        _engine = new RulesEngine.RulesEngine([workflow], new ReSettings { CustomTypes = [typeof(BenchSpine), typeof(DateOnly)] });
    }

    public ScreeningStatus Screen(BenchParticipant participant)
    {
        var results = _engine.ExecuteAllRulesAsync("screening", participant).GetAwaiter().GetResult();
        var status = ScreeningStatus.Eligible;
        foreach (var r in results)
        {
            var verdict = !string.IsNullOrEmpty(r.ExceptionMessage) ? Verdict.Error : r.IsSuccess ? Verdict.Met : Verdict.NotMet;
            status = ThreeValued.Fold(status, _kinds[r.Rule.RuleName], verdict);
        }
        return status;
    }
}
