using System.Globalization;
using ProtocolEngine.Cli;
using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Validation;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Validation;

/// <summary>protocol.yaml against the seed text: what it must encode, checked value by value.</summary>
public sealed class SeedProtocolTests
{
    private static readonly Protocol Seed = LoadSeed();

    private static Protocol LoadSeed()
    {
        var result = Edges.Engine.Validation.Run(RepoPaths.SeedProtocol);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Document!.Protocol;
    }

    [Fact]
    public void Is_valid_without_warnings()
    {
        var result = Edges.Engine.Validation.Run(RepoPaths.SeedProtocol);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Identifies_the_trial_as_registered()
    {
        Assert.Equal("ChiCTR1900023401", Seed.Registration.Number);
        Assert.Equal("2019YJ30", Seed.Ethics!.Approval);
        Assert.Equal("II", Seed.Phase);
        Assert.Equal(Allocation.Randomized, Seed.Design.Allocation);
        Assert.Equal(InterventionModel.Parallel, Seed.Design.Model);
        Assert.Equal(Hypothesis.NonInferiority, Seed.Design.Hypothesis);
        Assert.Equal(Centers.Multicenter, Seed.Design.Centers);
    }

    [Fact]
    public void Has_the_seven_numbered_inclusion_criteria_and_the_pain_of_Methods_six_exclusion_and_four_dropout_criteria()
    {
        Assert.Equal(["IC1", "IC2", "IC3", "IC4", "IC5", "IC6", "IC7", "IC8"], Seed.Criteria.Inclusion.Select(c => c.Id));
        Assert.Equal(["EC1", "EC2", "EC3", "EC4", "EC5", "EC6"], Seed.Criteria.Exclusion.Select(c => c.Id));
        Assert.Equal(["EC3a", "EC3b", "EC3c", "EC3d", "EC3e"], Seed.Criteria.Exclusion[2].Parts!.Select(c => c.Id));
        Assert.Equal(["DO1", "DO2", "DO3", "DO4"], Seed.Criteria.Dropout.Select(c => c.Id));
    }

    [Theory]
    [InlineData("IC1", "Aged 18-80 years")]
    [InlineData("IC3", "ECOG0-1")]
    [InlineData("IC6", "Estimated survival time ≥ 3 months")]
    [InlineData("EC5", "Had received surgery or radiotherapy for the target lesion in the past six months")]
    [InlineData("EC3c", "Active bleeding due to dysfunctional coagulation")]
    [InlineData("DO4", "Researchers' judgment")]
    [InlineData("IC8", "All patients had vertebral metastases and pain symptoms")]
    public void Keeps_the_protocols_own_wording(string id, string text)
    {
        var all = ProtocolValidator.Flatten(Seed.Criteria.Inclusion.Concat(Seed.Criteria.Exclusion).Concat(Seed.Criteria.Dropout));
        Assert.Equal(text, all.Single(c => c.Id == id).Text);
    }

    [Fact]
    public void Judgement_criteria_are_recorded_answers()
    {
        var judgements = Seed.Variables.Where(v => v.Judgement).Select(v => v.Id).ToHashSet();
        Assert.Contains("great_vessel_invasion_bleeding_risk", judgements); // EC3e
        Assert.Contains("serious_comorbidity_judgement", judgements);       // EC6
        Assert.Contains("withdrawn_by_researcher_judgement", judgements);   // DO4
        Assert.All(Seed.Variables.Where(v => v.Judgement), v => Assert.Equal(VariableType.Boolean, v.Type));
    }

    [Fact]
    public void Encodes_30_Gy_in_10_fractions_of_3_Gy_weekdays_to_95_percent_of_the_PTV()
    {
        var f = Seed.Fractionation!;
        Assert.Equal(30, f.TotalDoseGy);
        Assert.Equal(10, f.Fractions);
        Assert.Equal(3, f.DosePerFractionGy);
        Assert.Equal(1, f.FractionsPerDay);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], f.TreatmentDays);
        Assert.Equal("6 MV", f.Energy);
        Assert.Equal("IGRT", f.Technique);
        Assert.Equal(95, f.Prescription.CoveragePercent);
        Assert.Equal("PTV", f.Prescription.Volume);
        Assert.Equal(0.3, f.PtvMarginCm);
    }

    [Fact]
    public void Has_two_arms_one_to_one_with_their_CTV_policies()
    {
        Assert.Equal(2, Seed.Arms.Count);
        Assert.All(Seed.Arms, a => Assert.Equal(1, a.Ratio));
        Assert.Equal("isrc-consensus", Seed.Arms.Single(a => a.Role == ArmRole.Experimental).Ctv!.Policy);
        Assert.Equal("whole-vertebra", Seed.Arms.Single(a => a.Role == ArmRole.Control).Ctv!.Policy);
        Assert.Equal("Randomization", Seed.Randomization!.Plugin);
    }

    [Fact]
    public void The_control_arm_treats_the_entire_vertebra_as_Fig_2B_draws_its_CTV()
    {
        var control = Seed.Arms.Single(a => a.Role == ArmRole.Control);
        Assert.Equal(Seed.Statistics.ControlArm, control.Id);
        Assert.Equal("whole-vertebra", control.Ctv!.Policy);
        Assert.StartsWith("All six ISRC sectors (1-6) of each involved vertebra. Reading:", control.Ctv.Description);
        Assert.Contains("following Fig. 2B", control.Ctv.Description);
        Assert.Contains("\"the whole vertebral body\"", control.Description);
        Assert.Contains("\"the entire vertebra that has been destroyed\"", control.Description);
    }

    [Fact]
    public void The_site_calendar_covers_every_year_of_recruitment_and_follow_up_and_2026()
    {
        var site = Seed.Sites.Single();
        foreach (var year in Enumerable.Range(2021, 6))
        {
            Assert.Contains(site.Holidays, d => d.Year == year);
            Assert.Contains(site.WorkingDays, d => d.Year == year);
        }
        Assert.All(site.Holidays, d => Assert.False(d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"holiday {d:yyyy-MM-dd} is a {d.DayOfWeek}: only weekdays off are listed"));
        Assert.All(site.WorkingDays, d => Assert.True(d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"working day {d:yyyy-MM-dd} is a {d.DayOfWeek}: only weekend days worked are listed"));
    }

    [Theory]
    [InlineData("2021-10-01", "2021-10-07", "2021-09-26", "2021-10-09")] // National Day 2021
    [InlineData("2021-09-19", "2021-09-21", "2021-09-18")]               // Mid-Autumn Festival 2021
    [InlineData("2022-01-31", "2022-02-06", "2022-01-29", "2022-01-30")] // Spring Festival 2022
    [InlineData("2023-09-29", "2023-10-06", "2023-10-07", "2023-10-08")] // Mid-Autumn Festival and National Day 2023
    [InlineData("2024-02-10", "2024-02-17", "2024-02-04", "2024-02-18")] // Spring Festival 2024
    [InlineData("2025-01-28", "2025-02-04", "2025-01-26", "2025-02-08")] // Spring Festival 2025, from Lunar New Year's Eve
    [InlineData("2025-10-01", "2025-10-08", "2025-09-28", "2025-10-11")] // National Day and Mid-Autumn Festival 2025
    [InlineData("2026-02-15", "2026-02-23", "2026-02-14", "2026-02-28")] // Spring Festival 2026
    public void Every_weekday_of_an_official_holiday_is_off_and_its_make_up_weekend_days_are_worked(string first, string last, params string[] worked)
    {
        var site = Seed.Sites.Single();
        for (var day = DateOnly.Parse(first, CultureInfo.InvariantCulture); day <= DateOnly.Parse(last, CultureInfo.InvariantCulture); day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                Assert.Contains(day, site.Holidays);
        }
        Assert.All(worked, w => Assert.Contains(DateOnly.Parse(w, CultureInfo.InvariantCulture), site.WorkingDays));
    }

    [Fact]
    public void Schedules_baseline_then_2_weeks_3_and_6_months_and_every_6_months()
    {
        var visits = Seed.Visits;
        Assert.Equal(VisitAnchor.RadiotherapyStart, visits[0].Anchor);
        Assert.True(visits[0].Days <= 0);
        Assert.Equal(2, visits[1].Weeks);
        Assert.Equal(3, visits[2].Months);
        Assert.Equal(6, visits[3].Months);
        Assert.Equal(6, visits[4].Repeat!.EveryMonths);
        Assert.All(visits.Skip(1), v => Assert.Equal(VisitAnchor.RadiotherapyEnd, v.Anchor));
    }

    [Fact]
    public void States_the_statistics_plan()
    {
        var s = Seed.Statistics;
        Assert.Equal(0.025, s.Alpha);
        Assert.Equal(Sides.One, s.Sides);
        Assert.Equal(0.8, s.Power);
        Assert.Equal(-0.15, s.Margin);
        Assert.Equal(0.10, s.DropoutRate);
        Assert.Equal(66, s.SampleSize);
        Assert.Equal(0.95, s.ConfidenceLevel);
        Assert.Contains(s.Analyses, a => a.Method == "fisher-exact" && a.Endpoint == "side_effects");
        Assert.Equal("pain_relief", s.PrimaryEndpoint);
    }

    [Fact]
    public void Measures_the_pain_relief_rate_at_3_months_the_time_point_of_Howell_et_al()
    {
        var pain = Seed.Endpoints.Primary.Single(e => e.Id == Seed.Statistics.PrimaryEndpoint);
        Assert.Equal("month3", pain.TimePoint);
        Assert.Contains("month3", pain.Visits);
        Assert.Equal(3, Seed.Visits.Single(v => v.Id == pain.TimePoint).Months);
    }

    [Fact]
    public void Analyses_all_randomized_with_missing_outcomes_as_non_responders_and_the_assessable_patients()
    {
        var s = Seed.Statistics;
        Assert.Equal(["itt", "pp"], s.AnalysisSets.Select(a => a.Id));
        var itt = s.AnalysisSets[0];
        Assert.Equal(AnalysisPopulation.Randomized, itt.Population);
        Assert.All([itt.Death, itt.LostToFollowUp, itt.Withdrawn, itt.MissingAssessment], o => Assert.Equal(MissingOutcome.NonResponder, o));
        var pp = s.AnalysisSets[1];
        Assert.Equal(AnalysisPopulation.CompletedTreatment, pp.Population);
        Assert.All([pp.Death, pp.LostToFollowUp, pp.Withdrawn, pp.MissingAssessment], o => Assert.Equal(MissingOutcome.Excluded, o));
        Assert.Equal("pp", s.PrimaryAnalysisSet);
    }

    [Fact]
    public void Declares_typed_variables_with_units_and_ranges()
    {
        var age = Seed.Variables.Single(v => v.Id == "age");
        Assert.Equal((VariableType.Integer, 0.0, 120.0), (age.Type, age.Min!.Value, age.Max!.Value));
        var ecog = Seed.Variables.Single(v => v.Id == "ecog");
        Assert.Equal((0.0, 5.0), (ecog.Min!.Value, ecog.Max!.Value));
        Assert.Equal("ms", Seed.Variables.Single(v => v.Id == "qtc_ms").Unit);
        var metastases = Seed.Variables.Single(v => v.Id == "metastases");
        Assert.Equal(VariableType.Records, metastases.Type);
        Assert.Contains(metastases.Fields!, f => f.Id == "sectors" && f.Many && f.Max == 6);
        Assert.Contains(metastases.Fields!, f => f.Id == "epidural_extension");
    }

    [Fact]
    public void Age_sex_and_screening_date_are_bound_to_the_participants_registration()
    {
        Assert.Equal(RegistrationDatum.Age, Seed.Variables.Single(v => v.Id == "age").Registration);
        Assert.Equal(RegistrationDatum.Sex, Seed.Variables.Single(v => v.Id == "sex").Registration);
        Assert.Equal(RegistrationDatum.ScreeningDate, Seed.Variables.Single(v => v.Id == "screening_date").Registration);
        Assert.Equal(3, Seed.Variables.Count(v => v.Registration is not null));
    }

    [Fact]
    public void Keeps_a_daily_pain_diary_until_10_days_after_the_last_fraction_for_pain_flare()
    {
        var diary = Seed.Diary!;
        Assert.Equal(10, diary.DaysAfterEnd);
        Assert.Equal(["pain", "analgesics"], diary.Collect);
        Assert.StartsWith("Hird et al. 2009 (IJROBP 75:193-7): pain flare", diary.Source);
    }

    [Fact]
    public void A_copy_with_a_misspelt_key_names_its_line_and_the_right_key()
    {
        var copy = new TempProtocol(y => y.Replace("  dose_per_fraction_gy: 3", "  dose_per_fracton_gy: 3", StringComparison.Ordinal));
        var (line, _) = TempProtocol.Find(copy.Yaml, "dose_per_fracton_gy");

        var result = Edges.Engine.Validation.Run(copy.Yaml);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.UnknownKey, error.Code);
        Assert.Equal((line, 3), (error.Location.Line, error.Location.Column));
        Assert.Contains("did you mean 'dose_per_fraction_gy'?", error.Message);
    }
}
