using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Randomization;

public class SettingsValidationTests
{
    private static readonly IRandomizationPlugin Plugin = HostPlugins.Randomizer;

    private static RandomizationSettings Valid => Settings.Blocks(1, [1, 1], [2, 4, 6]);

    private static SettingIssue Single(RandomizationSettings settings) => Assert.Single(Plugin.Validate(settings));

    [Fact]
    public void Valid_settings_have_no_issue() => Assert.Empty(Plugin.Validate(Valid));

    [Fact]
    public void A_block_size_that_is_not_a_multiple_of_the_ratio_sum_is_named_with_the_fix()
    {
        var issue = Single(Settings.Blocks(1, [2, 1], [3, 4]));
        Assert.Equal("block_sizes", issue.Field);
        Assert.Equal("block size 4 is not a multiple of the ratio sum 3 (ratio 2:1); use multiples of 3, e.g. 3, 6, 9", issue.Message);
    }

    [Fact]
    public void An_unknown_method_lists_the_known_ones()
    {
        var issue = Single(new RandomizationSettings { Method = "urn", Arms = [new("A", 1), new("B", 1)] });
        Assert.Equal(("method", "unknown method 'urn'; use one of permuted-blocks, minimization, simple"), (issue.Field, issue.Message));
    }

    [Fact]
    public void Minimization_without_factors_is_refused()
    {
        var issue = Single(new RandomizationSettings { Method = "minimization", Arms = [new("A", 1), new("B", 1)] });
        Assert.Equal("minimization.factors", issue.Field);
        Assert.StartsWith("minimization needs at least one factor", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arms", "ratio 0")]
    [InlineData("block_sizes", "listed more than once")]
    [InlineData("block_size_weights", "2 weights for 3 block sizes")]
    [InlineData("minimization.probability", "outside [0.5, 1]")]
    [InlineData("strata", "listed more than once")]
    public void Other_mistakes_are_named(string field, string messagePart)
    {
        var settings = field switch
        {
            "arms" => Valid with { Arms = [new("A", 0), new("B", 1)], BlockSizes = [], Method = "simple" },
            "block_sizes" => Valid with { BlockSizes = [2, 2] },
            "block_size_weights" => Valid with { BlockSizeWeights = [1, 2] },
            "minimization.probability" => new RandomizationSettings { Method = "minimization", Arms = Valid.Arms, Factors = [new("site", 1)], AssignmentProbability = 0.3 },
            _ => Valid with { Strata = ["site", "site"] },
        };
        var issue = Single(settings);
        Assert.Equal(field, issue.Field);
        Assert.Contains(messagePart, issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_refuses_invalid_settings_and_a_missing_stratum_level()
    {
        var invalid = Assert.Throws<ArgumentException>(() => Plugin.Allocate(Settings.Blocks(1, [1, 1], [3]), new AllocationRequest()));
        Assert.Contains("block_sizes: block size 3", invalid.Message, StringComparison.Ordinal);
        var noLevel = Assert.Throws<ArgumentException>(() => Plugin.Allocate(Settings.Blocks(1, [1, 1], [2], "site"), new AllocationRequest()));
        Assert.Contains("stratification factor 'site'", noLevel.Message, StringComparison.Ordinal);
    }
}
