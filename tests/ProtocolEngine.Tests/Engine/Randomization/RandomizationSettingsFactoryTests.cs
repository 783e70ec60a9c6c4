using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Engine.Randomization;

public class RandomizationSettingsFactoryTests
{
    private static readonly Arm[] Arms = [new() { Id = "partial", Name = "Partial vertebra", Ratio = 2 }, new() { Id = "whole", Name = "Whole vertebra", Ratio = 1 }];

    [Fact]
    public void Maps_a_permuted_block_plan_and_the_arm_ratios()
    {
        var plan = new RandomizationPlan { Plugin = "Randomization", Method = "permuted-blocks", BlockSizes = [3, 6], BlockSizeWeights = [1, 3], Strata = ["site", "ecog"] };
        var settings = RandomizationSettingsFactory.FromPlan(plan, Arms, 42);
        Assert.Equal("permuted-blocks", settings.Method);
        Assert.Equal(42UL, settings.Seed);
        Assert.Equal([new ArmRatio("partial", 2), new ArmRatio("whole", 1)], settings.Arms);
        Assert.Equal([3, 6], settings.BlockSizes);
        Assert.Equal([1, 3], settings.BlockSizeWeights);
        Assert.Equal(["site", "ecog"], settings.Strata);
        Assert.Empty(settings.Factors);
        Assert.Empty(HostPlugins.Randomizer.Validate(settings));
    }

    [Fact]
    public void Maps_minimization_factors_weights_and_probability()
    {
        var plan = new RandomizationPlan
        {
            Plugin = "Randomization", Method = "minimization",
            Minimization = new Minimization { Factors = [new() { Factor = "site", Weight = 1 }, new() { Factor = "ecog", Weight = 2.5 }], Probability = 0.75, Imbalance = ImbalanceKind.Variance },
        };
        var settings = RandomizationSettingsFactory.FromPlan(plan, Arms, 1);
        Assert.Equal([new MinimizationFactorSetting("site", 1), new MinimizationFactorSetting("ecog", 2.5)], settings.Factors);
        Assert.Equal(0.75, settings.AssignmentProbability);
        Assert.Equal(ImbalanceMeasure.Variance, settings.Imbalance);
        Assert.Empty(HostPlugins.Randomizer.Validate(settings));
    }

    [Fact]
    public void A_plan_the_plugin_cannot_use_comes_back_as_issues_in_protocol_terms()
    {
        var plan = new RandomizationPlan { Plugin = "Randomization", Method = "permuted-blocks", BlockSizes = [4] };
        var issue = Assert.Single(HostPlugins.Randomizer.Validate(RandomizationSettingsFactory.FromPlan(plan, Arms, 1)));
        Assert.Equal("block_sizes", issue.Field);
        Assert.Contains("ratio sum 3", issue.Message, StringComparison.Ordinal);
    }
}
