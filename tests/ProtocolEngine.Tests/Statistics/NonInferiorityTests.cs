using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Plugins.Statistics.Design;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Statistics;

/// <summary>Farrington-Manning test, sample size and power of non-inferiority on two proportions.</summary>
public sealed class NonInferiorityTests
{
    private static IStatisticsPlugin Plugin => HostPlugins.Statistics;

    private static NonInferiorityDesign Seed(string? method) => new()
    {
        ExperimentalRate = 0.63, ControlRate = 0.42, Margin = -0.15, Alpha = 0.025, Power = 0.8,
        DropoutRate = 0.10, DropoutAdjustment = DropoutAdjustment.Multiply, Method = method,
    };

    [Fact]
    public void Chow_Shao_Wang_example_4_2_4_needs_98_per_group()
    {
        // Chow, Shao and Wang, "Sample Size Calculations in Clinical Research", example 4.2.4 (alpha 0.05, power 0.8,
        // p1 0.65, p2 0.85, true difference 0.2, superiority margin 0.05): 98 per group. The book is not readable here; the
        // call is the documented example of R TrialSize (rdrr.io/cran/TrialSize/man/TwoSampleProportion.NIS.html:
        // TwoSampleProportion.NIS(0.05, 0.2, 0.65, 0.85, 1, 0.2, 0.05)), whose source is the formula
        // (qnorm(1 - alpha) + qnorm(1 - beta))^2 (p1 q1 / k + p2 q2) / (delta - margin)^2; by hand with the 6-digit
        // quantiles: (1.644854 + 0.841621)^2 (0.65 x 0.35 + 0.85 x 0.15) / 0.15^2 = 97.55 -> 98.
        // Their difference 0.2 is entered as rates 0.85 - 0.65.
        var n = NormalPower.ControlSizeChowShaoWang(0.85, 0.65, 0.05, 0.05, 0.8, 1);
        Assert.Equal(Math.Pow(1.644854 + 0.841621, 2) * (0.65 * 0.35 + 0.85 * 0.15) / (0.15 * 0.15), n, 0.001);
        Assert.Equal(98, (int)Math.Ceiling(n));
    }

    [Fact]
    public void Farrington_Manning_with_margin_zero_is_the_pearson_chi_square()
    {
        // Pearson's X² of [[3,1],[1,3]] without continuity correction is 2 (expected 2 in each cell): Z = sqrt(2).
        var test = Plugin.FarringtonManning(new TwoByTwoTable(3, 4, 1, 4), -1e-12);
        Assert.Equal(Math.Sqrt(2), test.Z, 6);
        Assert.Equal(0.5, test.RestrictedExperimentalRate, 6);
    }

    /// <summary>
    /// The Farrington-Manning statistic is Mee's score statistic (the variance at the rates restricted to the null, no
    /// N/(N-1) factor). R cicalc prints it for Newcombe's example (a), 56/70 - 48/80
    /// (GSK-Biostatistics/cicalc, tests/testthat/_snaps/prop_ci_diff.md, print(ci_prop_diff_mee(response, treat, delta =
    /// c(0, 0.1)))): "At 0 the statistic is 2.65 and the p-value is 0.004; at 0.1 the statistic is 1.348 and the p-value is
    /// 0.0889". A non-inferiority margin is negative here, so 0.1 is tested on the table read the other way round
    /// (48/80 - 56/70 against -0.1): by the symmetry of the restricted estimate its statistic is -1.348.
    /// </summary>
    [Fact]
    public void Farrington_Manning_statistic_matches_R_cicalc_for_Newcombe_example_a()
    {
        var atZero = Plugin.FarringtonManning(new TwoByTwoTable(56, 70, 48, 80), -1e-12);
        Assert.Equal(2.65, atZero.Z, 0.006);
        Assert.Equal(0.004, atZero.P, 0.0006);
        var mirrored = Plugin.FarringtonManning(new TwoByTwoTable(48, 80, 56, 70), -0.1);
        Assert.Equal(-1.348, mirrored.Z, 0.0006);
        Assert.Equal(1 - 0.0889, mirrored.P, 0.00006);
        Assert.Equal(-0.2, mirrored.Difference, 12);
    }

    /// <summary>
    /// Farrington-Manning sample size (normal approximation, the variance under H0 at the restricted rates), against
    /// Friede, Mitchell and Mueller-Velten (2007, Biom J 49:903) as the R package blindrecalc tests it
    /// (imbi-heidelberg/blindrecalc, tests/testthat/test_farringtonmanning_nfix.R, "n_fix works (Friede et al. 2007)"):
    /// one-sided alpha 0.025, power 0.8, margin 0.1, both arms at the overall rate; totals 658 (rate 0.3) and 780 (0.5)
    /// at 1:1, 857 (0.4) and 707 (0.7) at 2:1, 1035 (0.5) and 966 (0.6) at 3:1. blindrecalc rounds the two arms' shares
    /// of the unrounded total up separately, ceiling(n / (r + 1)) + ceiling(r n / (r + 1)); the plugin keeps the ratio
    /// exact (experimental = r x control, control the smallest reaching the power). Both take the same control arm,
    /// ceiling(n / (r + 1)), which the published totals fix uniquely: at 2:1 the experimental share is 2k - 1 or 2k for a
    /// control k, so 857 = 3 x 286 - 1 and 707 = 3 x 236 - 1; at 3:1 it is 3k - 2, 3k - 1 or 3k, so 1035 = 4 x 259 - 1 and
    /// 966 = 4 x 242 - 2.
    /// </summary>
    [Theory]
    [InlineData(0.3, 1, 329, 658)]
    [InlineData(0.5, 1, 390, 780)]
    [InlineData(0.4, 2, 286, 857)]
    [InlineData(0.7, 2, 236, 707)]
    [InlineData(0.5, 3, 259, 1035)]
    [InlineData(0.6, 3, 242, 966)]
    public void Farrington_Manning_sample_size_matches_Friede_2007_via_blindrecalc(double rate, double ratio, int control, int publishedTotal)
    {
        var size = Plugin.NonInferiorityTwoProportions(new NonInferiorityDesign
        {
            ExperimentalRate = rate, ControlRate = rate, Margin = -0.1, Alpha = 0.025, Power = 0.8, AllocationRatio = ratio,
            Method = "farrington-manning",
        });
        Assert.Equal(control, size.ControlEvaluable);
        Assert.Equal((int)(ratio * control), size.ExperimentalEvaluable);
        Assert.InRange(size.ExperimentalEvaluable + size.ControlEvaluable - publishedTotal, 0, (int)ratio - 1);
        Assert.True(size.AchievedPower >= 0.8);
    }

    /// <summary>
    /// Exact power of the Farrington-Manning test (every outcome of two binomials, rejecting when Z exceeds z_alpha),
    /// against the values R blindrecalc tests (imbi-heidelberg/blindrecalc, tests/testthat/test_farringtonmanning_pow.R,
    /// "pow works for the fixed design"): "Compare with Friede et al., 2007" at total 658 (rate 0.3) and 780 (0.5), margin
    /// 0.1, 0.8005762 and 0.7948942; "Compare with PASS 16.0.3" at margin 0.2: totals 64, 80, 90, 92 at rates 0.2, 0.3,
    /// 0.4, 0.5 give 0.5107838, 0.5123605, 0.5083387, 0.5026442, and totals 22, 28, 32, 36 give 0.2192882, 0.2280977,
    /// 0.2130656, 0.2123263 (one-sided alpha 0.025, 1:1, both arms at the rate; tolerance 1e-7 there).
    /// </summary>
    [Theory]
    [InlineData(329, 0.3, -0.1, 0.8005762)]
    [InlineData(390, 0.5, -0.1, 0.7948942)]
    [InlineData(32, 0.2, -0.2, 0.5107838)]
    [InlineData(40, 0.3, -0.2, 0.5123605)]
    [InlineData(45, 0.4, -0.2, 0.5083387)]
    [InlineData(46, 0.5, -0.2, 0.5026442)]
    [InlineData(11, 0.2, -0.2, 0.2192882)]
    [InlineData(14, 0.3, -0.2, 0.2280977)]
    [InlineData(16, 0.4, -0.2, 0.2130656)]
    [InlineData(18, 0.5, -0.2, 0.2123263)]
    public void Exact_power_matches_PASS_and_Friede_2007_via_blindrecalc(int perArm, double rate, double margin, double power)
    {
        var design = new NonInferiorityDesign
        {
            ExperimentalRate = rate, ControlRate = rate, Margin = margin, Alpha = 0.025, Power = 0.8, Method = "farrington-manning",
        };
        Assert.Equal(power, Plugin.NonInferiorityExactPower(design, perArm, perArm), 0.0000002);
    }

    [Fact]
    public void Farrington_Manning_restricted_rates_keep_the_margin_and_maximize_the_likelihood()
    {
        var test = Plugin.FarringtonManning(new TwoByTwoTable(56, 70, 48, 80), -0.15);
        Assert.Equal(-0.15, test.RestrictedExperimentalRate - test.RestrictedControlRate, 9);
        // The restricted MLE maximizes the log-likelihood along p1 - p2 = -0.15: neighbours are lower.
        static double LogLik(double p1) => 56 * Math.Log(p1) + 14 * Math.Log(1 - p1) + 48 * Math.Log(p1 + 0.15) + 32 * Math.Log(0.85 - p1);
        Assert.True(LogLik(test.RestrictedExperimentalRate) > LogLik(test.RestrictedExperimentalRate + 1e-4));
        Assert.True(LogLik(test.RestrictedExperimentalRate) > LogLik(test.RestrictedExperimentalRate - 1e-4));
        Assert.True(test.P < 0.001);
    }

    [Fact]
    public void The_seed_protocol_size_66_and_power_0_809_come_back()
    {
        // The protocol (ChiCTR1900023401): Fleiss, Pearson chi-square, one-sided alpha 0.025, power 0.8, margin -0.15,
        // 10% loss, 66 patients, power 0.809; with the rates of protocol.yaml's reading (0.63 vs 0.42).
        var size = Plugin.NonInferiorityTwoProportions(Seed("farrington-manning"));
        Assert.Equal((30, 30, 66), (size.ExperimentalEvaluable, size.ControlEvaluable, size.TotalEnrolled));
        Assert.Equal(0.809, Math.Round(size.AchievedPower, 3));
    }

    [Fact]
    public void Dropout_divided_inflates_60_to_67()
    {
        var size = Plugin.NonInferiorityTwoProportions(Seed("farrington-manning") with { DropoutAdjustment = DropoutAdjustment.Divide });
        Assert.Equal(67, size.TotalEnrolled);
    }

    [Fact]
    public void Allocation_ratio_two_gives_twice_the_experimental_arm()
    {
        var size = Plugin.NonInferiorityTwoProportions(Seed(null) with { AllocationRatio = 2 });
        Assert.Equal((int)Math.Ceiling(2.0 * size.ControlEvaluable), size.ExperimentalEvaluable);
        // Chow-Shao-Wang with kappa 2: n2 = (z_a + z_b)² (p1 q1 / 2 + p2 q2) / (e - margin)².
        var z = 1.959963984540054 + 0.8416212335729143;
        var n2 = z * z * (0.63 * 0.37 / 2 + 0.42 * 0.58) / (0.36 * 0.36);
        Assert.Equal((int)Math.Ceiling(n2), size.ControlEvaluable);
    }

    [Fact]
    public void Exact_power_approaches_the_normal_power_in_large_arms()
    {
        var design = Seed("farrington-manning") with { ExperimentalRate = 0.6, ControlRate = 0.6 };
        var normal = Plugin.NonInferiorityPower(design, 200, 200);
        var exact = Plugin.NonInferiorityExactPower(design, 200, 200);
        Assert.InRange(exact, normal - 0.02, normal + 0.02);
    }

    [Fact]
    public void Exact_power_with_one_per_arm_is_the_probability_of_the_rejecting_outcomes()
    {
        // n1 = n2 = 1, unpooled Wald z: only (x1, x2) = (1, 0) and (1, 1) give a finite or infinite z above 1.96?
        // (1,0): variance 0, excess 1.15 > 0 -> +inf, rejects. (1,1) and (0,0): variance 0, excess 0.15 > 0 -> rejects.
        // (0,1): excess -0.85 -> no. Power = 1 - P(0,1) = 1 - (1 - p1) p2.
        var design = Seed(null) with { ExperimentalRate = 0.3, ControlRate = 0.6 };
        Assert.Equal(1 - 0.7 * 0.6, Plugin.NonInferiorityExactPower(design, 1, 1), 12);
    }

    [Theory]
    [InlineData(0.0, 0.5, -0.15, "experimental rate 0")]
    [InlineData(0.5, 1.0, -0.15, "control rate 1")]
    [InlineData(0.5, 0.5, 0.15, "margin 0.15 must lie in (-1, 0)")]
    [InlineData(0.5, 0.1, -0.2, "control rate 0.1 + margin -0.2 is below 0")]
    public void Bad_designs_are_refused_naming_the_value(double pt, double pc, double margin, string part)
    {
        var ex = Assert.Throws<ArgumentException>(() => Plugin.NonInferiorityTwoProportions(Seed(null) with { ExperimentalRate = pt, ControlRate = pc, Margin = margin }));
        Assert.Contains(part, ex.Message, StringComparison.Ordinal);
    }
}
