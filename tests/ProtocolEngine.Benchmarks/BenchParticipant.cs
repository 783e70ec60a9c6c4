namespace ProtocolEngine.Benchmarks;

/// <summary>
/// The seed protocol's screening data as a hand-written class, for the hand-written lambdas and
/// RulesEngine. Nullable where the engine allows missing data (the lambdas read .Value, which throws
/// when absent, the closest hand-written equivalent of the engine's unknown).
/// </summary>
public sealed class BenchParticipant
{
    public DateOnly? screening_date { get; set; }
    public int? age { get; set; }
    public int? ecog { get; set; }
    public string? primary_tumour { get; set; }
    public bool? pathology_confirmed { get; set; }
    public bool? imaging_confirmed { get; set; }
    public List<BenchMetastasis>? metastases { get; set; }
    public bool? cord_compression { get; set; }
    public double? estimated_survival_months { get; set; }
    public bool? benign_bone_destruction { get; set; }
    public bool? diffuse_bone_destruction { get; set; }
    public bool? severe_hypertension { get; set; }
    public bool? severe_diabetes { get; set; }
    public bool? severe_heart_disease { get; set; }
    public bool? other_serious_chronic_disease { get; set; }
    public bool? rt_contraindication { get; set; }
    public bool? prior_vertebral_metastasis_rt { get; set; }
    public bool? prior_target_treatment { get; set; }
    public DateOnly? prior_target_treatment_date { get; set; }
    public bool? myocardial_infarction_or_ischaemia { get; set; }
    public bool? arrhythmia { get; set; }
    public int? nyha_class { get; set; }
    public double? qtc_ms { get; set; }
    public int? infection_grade { get; set; }
    public bool? unhealed_wound { get; set; }
    public bool? active_bleeding_coagulopathy { get; set; }
    public int? systolic_bp { get; set; }
    public int? diastolic_bp { get; set; }
    public bool? great_vessel_invasion_bleeding_risk { get; set; }
    public bool? drug_abuse_unable_to_quit { get; set; }
    public bool? mental_disorder { get; set; }
    public bool? other_trial_participation { get; set; }
    public DateOnly? other_trial_last_date { get; set; }
    public bool? serious_comorbidity_judgement { get; set; }
    public bool? informed_consent { get; set; }
    public bool? willing_follow_up { get; set; }

    /// <summary>The eligible participant of the seed scenarios (protocols/chictr1900023401/participants/eligible.json).</summary>
    public static BenchParticipant Eligible() => new()
    {
        screening_date = new DateOnly(2021, 6, 1), age = 55, ecog = 1, primary_tumour = "lung",
        pathology_confirmed = true, imaging_confirmed = true,
        metastases =
        [
            new() { level = "T11", sectors = [1], painful = true },
            new() { level = "T12", sectors = [1, 2], painful = true },
            new() { level = "L3", sectors = [1] },
        ],
        cord_compression = false, estimated_survival_months = 8, benign_bone_destruction = false, diffuse_bone_destruction = false,
        severe_hypertension = false, severe_diabetes = false, severe_heart_disease = false, other_serious_chronic_disease = false,
        rt_contraindication = false, prior_vertebral_metastasis_rt = false, prior_target_treatment = false,
        myocardial_infarction_or_ischaemia = false, arrhythmia = false, nyha_class = 1, qtc_ms = 420, infection_grade = 0,
        unhealed_wound = false, active_bleeding_coagulopathy = false, systolic_bp = 130, diastolic_bp = 80,
        great_vessel_invasion_bleeding_risk = false, drug_abuse_unable_to_quit = false, mental_disorder = false,
        other_trial_participation = false, serious_comorbidity_judgement = false, informed_consent = true, willing_follow_up = true,
    };
}
