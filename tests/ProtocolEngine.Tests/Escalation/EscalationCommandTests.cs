using System.Text.Json;
using ProtocolEngine.Cli;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Escalation;

public sealed class EscalationCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var run = CliRun.Of(["escalation", .. args]);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        return JsonDocument.Parse(run.Out).RootElement.Clone();
    }

    [Theory]
    [InlineData("1NNN", 3, "escalate", 2, null)]
    [InlineData("1NNN 2NTN", 3, "stay", 2, null)]
    [InlineData("1NNN 2NTN 2NNN", 3, "escalate", 3, null)]
    [InlineData("1NNN 2NTN 2NTN", 3, "deescalate", 1, null)]
    [InlineData("1NNN 2NTN 2NTN 1NNN", 3, "stop", null, 1)]
    [InlineData("1NNN 1NTN 2TTN", 3, "stop", null, 1)]
    [InlineData("1TNT", 3, "stop", null, null)]
    [InlineData("1NNN 2NNN", 2, "stay", 2, null)]
    [InlineData("1NNN 2NNN 2NTN", 2, "stop", null, 2)]
    [InlineData("1NNN 2NNN 3TTN 2NNN", 3, "stop", null, 2)]
    public void Three_plus_three_follows_the_standard_rules(string history, int doses, string action, int? next, int? mtd)
    {
        var json = Json("decide", "--design", "3+3", "--history", history, "--doses", doses.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(action, json.GetProperty("action").GetString());
        Assert.Equal(next, json.GetProperty("next_level").ValueKind == JsonValueKind.Null ? null : json.GetProperty("next_level").GetInt32());
        Assert.Equal(mtd, json.GetProperty("mtd").ValueKind == JsonValueKind.Null ? null : json.GetProperty("mtd").GetInt32());
    }

    [Fact]
    public void Boin_decides_from_the_history_notation()
    {
        // 2/3 at level 2: 0.667 >= lambda_d 0.358 -> de-escalate (get.boundary: de-escalate if >= 2 of 3).
        var json = Json("decide", "--design", "boin", "--target", "0.3", "--history", "1NNN 2NTT", "--doses", "5");
        Assert.Equal("deescalate", json.GetProperty("action").GetString());
        Assert.Equal(1, json.GetProperty("next_level").GetInt32());
    }

    [Fact]
    public void Boundaries_print_lambdas_and_the_table_as_json()
    {
        var json = Json("boundaries", "--design", "boin", "--target", "0.3");
        Assert.Equal(0.2364907, json.GetProperty("lambda_e").GetDouble(), 1e-7);
        Assert.Equal(14, json.GetProperty("rows")[9].GetProperty("eliminate_at_least").GetInt32());
    }

    [Fact]
    public void Simulate_is_the_same_for_the_same_seed()
    {
        string[] args = ["simulate", "--design", "boin", "--target", "0.3", "--true-tox", "0.05,0.1,0.2,0.3,0.45", "--trials", "500", "--seed", "4"];
        Assert.Equal(CliRun.Of(["escalation", .. args]).Out, CliRun.Of(["escalation", .. args]).Out);
        Assert.Equal(5, Json(args).GetProperty("doses").GetArrayLength());
    }

    [Theory]
    [InlineData("1NNN 2NXT", "character 8 'X'")]
    [InlineData("1NNN N", "character 6 'N' where a dose level was expected")]
    [InlineData("0NNN", "dose level 0 must be 1 or more")]
    [InlineData("1", "has no participant")]
    [InlineData("  ", "no cohort given")]
    public void Bad_history_is_located_and_exits_2(string history, string message)
    {
        var run = CliRun.Of("escalation", "decide", "--design", "3+3", "--history", history);
        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("decide --design boin --history 1NNN", "target toxicity")]
    [InlineData("decide --design crm --target 0.3 --history 1NNN", "design 'crm' is unknown")]
    [InlineData("simulate --design boin --target 0.3 --true-tox 0.1,x", "item 2 \"x\"")]
    [InlineData("simulate --design boin --target 0.3 --true-tox 0.1,1.5", "item 2 \"1.5\"")]
    [InlineData("boundaries --design boin --target 1.2", "--target: 1.2 is outside (0, 1)")]
    [InlineData("decide --design 3+3 --history 1NNN --doses 0", "--doses: 0")]
    public void Bad_input_exits_2_with_a_message(string args, string message)
    {
        var run = CliRun.Of(["escalation", .. args.Split(' ')]);
        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Host_projects_hold_no_design_specific_code()
    {
        // Design rules live in plugins: outside the contracts' documentation, no host source names a design, and the CLI
        // passes --design through without a literal "boin" or "3+3" to branch on.
        var offenders = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "host"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => !l.Text.TrimStart().StartsWith("///", StringComparison.Ordinal))
            .Where(l => l.Text.Contains("\"boin\"", StringComparison.OrdinalIgnoreCase) || l.Text.Contains("\"3+3\"", StringComparison.Ordinal)
                || (!l.File.EndsWith("EscalationCommand.cs", StringComparison.Ordinal)
                    && (l.Text.Contains("boin", StringComparison.OrdinalIgnoreCase) || l.Text.Contains("3+3", StringComparison.Ordinal))))
            .Select(l => $"{Path.GetRelativePath(RepoPaths.Root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.Empty(offenders);
    }
}
