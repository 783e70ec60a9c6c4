using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Cli.Commands;

/// <summary>
/// `randomization list` taking its settings from protocol.yaml: arms, ratio, strata; the seed protocol states only the
/// method (its block sizes are sealed in the trial's database), so a planner gives block sizes beside it.
/// </summary>
public sealed class RandomizationListFromProtocolTests
{
    [Fact]
    public void Lists_the_seed_trials_arms_in_site_strata_with_blocks_of_2_or_4()
    {
        var run = CliRun.Of("randomization", "list", "--count", "40", "--seed", "2021", "--protocol", RepoPaths.SeedProtocol, "--block-sizes", "2,4");
        Assert.Equal(0, run.ExitCode);
        var rows = run.Out.Trim().Split('\n').Skip(1).Select(l => l.Trim().Split(',')).ToList();
        Assert.True(rows.Count >= 40);
        Assert.All(rows, r => Assert.Equal("site=mianyang", r[1]));
        Assert.All(rows, r => Assert.Contains(r[3], new[] { "2", "4" }));
        Assert.Equal(["isrc", "whole"], rows.Select(r => r[4]).Distinct().Order());
        foreach (var block in rows.GroupBy(r => r[2]))
        {
            // 1:1 in every complete block.
            Assert.Equal(block.Count(r => r[4] == "isrc"), block.Count(r => r[4] == "whole"));
        }
    }

    [Fact]
    public void Levels_on_the_command_line_replace_the_protocols_for_that_stratum()
    {
        var run = CliRun.Of("randomization", "list", "--count", "2", "--seed", "1", "--protocol", RepoPaths.SeedProtocol, "--block-sizes", "2,4", "--strata", "site=a,b");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(",site=a,", run.Out);
        Assert.Contains(",site=b,", run.Out);
        Assert.DoesNotContain("mianyang", run.Out);
    }

    [Fact]
    public void Refuses_a_stratum_the_protocol_does_not_have()
    {
        var run = CliRun.Of("randomization", "list", "--count", "2", "--seed", "1", "--protocol", RepoPaths.SeedProtocol, "--block-sizes", "2,4", "--strata", "ecog=0,1");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--strata: 'ecog' is not a stratum", run.Error);
    }

    [Fact]
    public void Refuses_explicit_settings_together_with_a_protocol()
    {
        var run = CliRun.Of("randomization", "list", "--count", "2", "--seed", "1", "--protocol", RepoPaths.SeedProtocol, "--ratio", "2:1");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--ratio", run.Error);
        Assert.Contains("come from the protocol", run.Error);
    }

    [Fact]
    public void The_seed_protocol_without_block_sizes_says_where_they_are()
    {
        var run = CliRun.Of("randomization", "list", "--count", "2", "--seed", "1", "--protocol", RepoPaths.SeedProtocol);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("the protocol states only the method; its block sizes are sealed in the trial's database", run.Error);
    }
}
