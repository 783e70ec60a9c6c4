using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Escalation;

/// <summary>The host's Escalation plugin (3+3 and BOIN), reached only through the dose-escalation contract.</summary>
public sealed class EscalationPluginTests
{
    private static IDoseEscalationSimulator Plugin =>
        HostPlugins.Loaded.Find<IDoseEscalationPlugin>("Escalation") as IDoseEscalationSimulator
        ?? throw new InvalidOperationException($"The Escalation plugin is not loaded: {string.Join("; ", HostPlugins.Loaded.Failures)}");

    [Fact]
    public void Boin_boundaries_for_target_0_3_match_the_BOIN_package()
    {
        // BOIN R package, get.boundary(target = 0.3, ncohort = 10, cohortsize = 3), as printed in
        // https://rstudio-pubs-static.s3.amazonaws.com/1437814_79ba5accbdfc4c6aaed63b046a781eab.html:
        // lambda_e 0.2364907, lambda_d 0.3585195, and the boundary table below (Liu and Yuan 2015 give 0.236 and 0.358).
        var table = Plugin.Boundaries(new EscalationBoundaryRequest { Design = "boin", TargetToxicity = 0.3, CohortSize = 3, MaxTreated = 30 });
        Assert.Equal(0.2364907, table.LambdaE!.Value, 1e-7);
        Assert.Equal(0.3585195, table.LambdaD!.Value, 1e-7);
        Assert.Equal([3, 6, 9, 12, 15, 18, 21, 24, 27, 30], table.Rows.Select(r => r.Treated));
        Assert.Equal([0, 1, 2, 2, 3, 4, 4, 5, 6, 7], table.Rows.Select(r => r.EscalateAtMost!.Value));
        Assert.Equal([2, 3, 4, 5, 6, 7, 8, 9, 10, 11], table.Rows.Select(r => r.DeEscalateAtLeast!.Value));
        Assert.Equal([3, 4, 5, 7, 8, 9, 10, 11, 12, 14], table.Rows.Select(r => r.EliminateAtLeast!.Value));
    }

    [Fact]
    public void Boin_full_boundaries_for_one_to_twenty_treated_match_the_BOIN_package()
    {
        // The same page's $full_boundary_tab (cohort size 1), n = 1..20; elimination NA below 3 treated.
        var table = Plugin.Boundaries(new EscalationBoundaryRequest { Design = "boin", TargetToxicity = 0.3, CohortSize = 1, MaxTreated = 20 });
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4], table.Rows.Select(r => r.EscalateAtMost!.Value));
        Assert.Equal([1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 6, 6, 6, 7, 7, 7, 8], table.Rows.Select(r => r.DeEscalateAtLeast!.Value));
        Assert.Equal([null, null, 3, 3, 4, 4, 5, 5, 5, 6, 6, 7, 7, 8, 8, 8, 9, 9, 9, 10], table.Rows.Select(r => r.EliminateAtLeast));
    }

    private static DoseDecision Boin(int current, int? earlyStop, params (int N, int Y)[] doses) =>
        Plugin.Decide(new DoseEscalationRequest
        {
            Design = "boin", TargetToxicity = 0.3, CurrentLevel = current, MaxPerLevel = earlyStop,
            Doses = [.. doses.Select((d, i) => new DoseLevelData(i + 1, d.N, d.Y))],
        });

    [Fact]
    public void Boin_selects_by_isotonic_regression_not_by_the_raw_rates()
    {
        // 1/3, 0/3, 1/3 at target 0.3, staying at level 3 (1/3 is between the boundaries), early stop at 3: stop and select.
        // select.mtd's estimates (y + 0.05)/(n + 0.1) are 0.339, 0.016, 0.339 with weights 1/var = 18.3, 258.3, 18.3;
        // PAVA pools levels 1-2 to (18.3 * 0.339 + 258.3 * 0.016) / 276.6 = 0.0375, so level 3 (0.339) is closest to 0.3.
        // On the raw estimates the 1e-10 tie-break would pick level 1 instead.
        var decision = Boin(3, 3, (3, 1), (3, 0), (3, 1));
        Assert.Equal(DoseAction.Stop, decision.Action);
        Assert.Equal(3, decision.MaximumToleratedLevel);
    }

    [Fact]
    public void Boin_breaks_ties_to_the_lower_dose_above_the_target_and_the_higher_below()
    {
        // select.mtd adds i * 1e-10 to the i-th isotonic estimate: equal estimates above phi favour the lower dose, below phi the higher.
        // 2/3 at the lowest dose: de-escalation impossible, so stay, and the early stop at 3 ends the trial (2/3 is not eliminated:
        // Pr(p > 0.3 | Beta(3, 2)) = 1 - 0.3^3 (4 - 3 * 0.3) = 0.916).
        Assert.Equal(1, Boin(1, 3, (3, 2), (3, 2)).MaximumToleratedLevel);
        // 0/3 at the highest dose: escalation impossible, stay, stop.
        Assert.Equal(2, Boin(2, 3, (3, 0), (3, 0)).MaximumToleratedLevel);
    }

    [Fact]
    public void Boin_eliminates_the_lowest_dose_and_stops_without_an_MTD()
    {
        // 3/3: Pr(p > 0.3 | Beta(4, 1)) = 1 - 0.3^4 = 0.9919 > 0.95.
        var decision = Boin(1, null, (3, 3), (0, 0), (0, 0));
        Assert.Equal(DoseAction.Stop, decision.Action);
        Assert.Null(decision.MaximumToleratedLevel);
        Assert.Equal([1, 2, 3], decision.EliminatedLevels);
    }

    [Fact]
    public void Boin_does_not_escalate_into_an_eliminated_dose()
    {
        // Level 3 had 3/3 (eliminated); back at level 2 with 0/6 the rule says escalate, but level 3 is out: stay.
        var decision = Boin(2, null, (3, 0), (6, 0), (3, 3));
        Assert.Equal(DoseAction.Stay, decision.Action);
        Assert.Equal(2, decision.NextLevel);
        Assert.Equal([3], decision.EliminatedLevels);
    }

    [Fact]
    public void Boin_without_a_target_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => Plugin.Decide(new DoseEscalationRequest { Design = "boin", CurrentLevel = 1, Doses = [new DoseLevelData(1, 3, 0)] }));
        Assert.Contains("target toxicity", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulation_is_deterministic_for_a_seed_and_accounts_for_every_trial()
    {
        var request = new EscalationSimulationRequest { Design = "boin", TargetToxicity = 0.3, TrueToxicity = [0.05, 0.1, 0.2, 0.3, 0.45], Trials = 2000, Seed = 7 };
        var a = Plugin.Simulate(request, null);
        var b = Plugin.Simulate(request, null);
        var c = Plugin.Simulate(request with { Seed = 8 }, null);
        Assert.Equal(a.SelectedPercent, b.SelectedPercent);
        Assert.Equal(a.MeanTreated, b.MeanTreated);
        Assert.NotEqual(a.MeanTreated, c.MeanTreated);
        Assert.Equal(100, a.SelectedPercent.Sum() + a.NoMtdPercent, 1e-9);
        Assert.Equal(a.MeanParticipants, a.MeanTreated.Sum(), 1e-9);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.2)]
    [InlineData(0.35)]
    public void Three_plus_three_escalates_past_a_dose_with_the_exact_probability(double p)
    {
        // A dose with true rate p is passed on 0/3, or on 1/3 then 0/3: P = (1-p)^3 + 3p(1-p)^2 (1-p)^3 (Storer 1989's
        // design A; each cohort is Binomial(3, p)). With level 2 always toxic (p = 1), 3 are treated there exactly when
        // level 1 was passed, so the mean treated at level 2 is 3P. Tolerance: 4 standard errors at 20,000 trials.
        const int trials = 20_000;
        var passed = Math.Pow(1 - p, 3) + 3 * p * Math.Pow(1 - p, 2) * Math.Pow(1 - p, 3);
        var result = Plugin.Simulate(new EscalationSimulationRequest { Design = "3+3", TrueToxicity = [p, 1.0], Trials = trials, Seed = 11 }, null);
        var se = 3 * Math.Sqrt(passed * (1 - passed) / trials);
        Assert.InRange(result.MeanTreated[1], 3 * passed - 4 * se, 3 * passed + 4 * se);
        Assert.Equal(0, result.SelectedPercent[1]);
    }

    [Fact]
    public void Three_plus_three_at_a_single_dose_selects_it_with_the_exact_probability()
    {
        // One dose (the highest): 0/3 or 1/3 expand to 6, and at most 1 DLT of 6 makes it the MTD.
        // Y1, Y2 ~ Binomial(3, p): P(MTD) = P(Y1 = 0) P(Y2 <= 1) + P(Y1 = 1) P(Y2 = 0).
        const double p = 0.25;
        const int trials = 20_000;
        double q = 1 - p, y0 = q * q * q, y1 = 3 * p * q * q;
        var selected = y0 * (y0 + y1) + y1 * y0;
        var result = Plugin.Simulate(new EscalationSimulationRequest { Design = "3+3", TrueToxicity = [p], Trials = trials, Seed = 3 }, null);
        var se = 100 * Math.Sqrt(selected * (1 - selected) / trials);
        Assert.InRange(result.SelectedPercent[0], 100 * selected - 4 * se, 100 * selected + 4 * se);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.3)]
    public void Boin_first_cohort_escalates_and_stops_with_the_exact_probabilities(double p)
    {
        // Target 0.3, cohorts of 3, 2 cohorts: after the first at level 1, 0/3 escalates (escalate if <= 0 of 3), 3/3 eliminates
        // level 1 and stops (eliminate if >= 3 of 3), else stay; no decision follows the last cohort (get.oc).
        // So the mean treated at level 2 is 3 (1-p)^3 and the trials stopped early are p^3.
        const int trials = 20_000;
        var result = Plugin.Simulate(new EscalationSimulationRequest { Design = "boin", TargetToxicity = 0.3, TrueToxicity = [p, 0.5], Trials = trials, Seed = 5, Cohorts = 2 }, null);
        double escalate = Math.Pow(1 - p, 3), stop = Math.Pow(p, 3);
        var se = 3 * Math.Sqrt(escalate * (1 - escalate) / trials);
        Assert.InRange(result.MeanTreated[1], 3 * escalate - 4 * se, 3 * escalate + 4 * se);
        var seStop = 100 * Math.Sqrt(stop * (1 - stop) / trials);
        Assert.InRange(result.StoppedEarlyPercent, 100 * stop - 4 * seStop - 1e-9, 100 * stop + 4 * seStop + 1e-9);
    }
}
