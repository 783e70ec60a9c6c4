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
        // p1 0.65, p2 0.85, true difference 0.2, superiority margin 0.05), as R TrialSize::TwoSampleProportion.NIS(0.05, 0.2,
        // 0.65, 0.85, 1, 0.2, 0.05): (1.645 + 0.842)² (0.65 x 0.35 + 0.85 x 0.15) / 0.15² = 97.6 -> 98.
        // Their difference 0.2 is entered as rates 0.85 - 0.65.
        var n = NormalPower.ControlSizeChowShaoWang(0.85, 0.65, 0.05, 0.05, 0.8, 1);
        Assert.Equal(98, (int)Math.Ceiling(n));
        Assert.InRange(n, 97.0, 98.0);
    }

    [Fact]
    public void Farrington_Manning_with_margin_zero_is_the_pearson_chi_square()
    {
        // Pearson's X² of [[3,1],[1,3]] without continuity correction is 2 (expected 2 in each cell): Z = sqrt(2).
        var test = Plugin.FarringtonManning(new TwoByTwoTable(3, 4, 1, 4), -1e-12);
        Assert.Equal(Math.Sqrt(2), test.Z, 6);
        Assert.Equal(0.5, test.RestrictedExperimentalRate, 6);
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
    public void Bad_designs_are_refused_naming_the_value(double pt, double pc, double margin, string part)
    {
        var ex = Assert.Throws<ArgumentException>(() => Plugin.NonInferiorityTwoProportions(Seed(null) with { ExperimentalRate = pt, ControlRate = pc, Margin = margin }));
        Assert.Contains(part, ex.Message, StringComparison.Ordinal);
    }
}
