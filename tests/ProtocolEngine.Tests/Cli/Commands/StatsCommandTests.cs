using System.Text.Json;
using ProtocolEngine.Cli;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Cli.Commands;

/// <summary>`protocol-engine stats ...` in process: the JSON forms external checks read, the text form, and refusals (exit 2).</summary>
public sealed class StatsCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        return JsonDocument.Parse(run.Out).RootElement.Clone();
    }

    private static string[] Keys(JsonElement e) => e.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public void Fisher_gives_R_tea_tasting_p_values()
    {
        // R fisher.test(matrix(c(3, 1, 1, 3), 2)): 0.4857 (= 34/70 by hand); alternative = "greater": 0.2429 (sources in
        // Statistics/FisherExactTests).
        var p = Json("stats", "fisher", "3", "1", "1", "3");
        Assert.Equal(["p"], Keys(p));
        Assert.Equal(0.4857, p.GetProperty("p").GetDouble(), 0.00006);
        Assert.Equal(0.2429, Json("stats", "fisher", "3", "1", "1", "3", "--alternative", "greater", "--format", "json").GetProperty("p").GetDouble(), 0.00006);
    }

    [Fact]
    public void Ci_gives_published_Wilson_and_Clopper_Pearson_limits()
    {
        // Wilson 81/263: Newcombe 1998 Table I as R propint tests it; Clopper-Pearson 84/101: SAS's output as
        // diff-binom-confint's test data gives it (sources in Statistics/ProportionIntervalTests).
        var wilson = Json("stats", "ci", "81", "263", "--method", "wilson");
        Assert.Equal(["lower", "upper"], Keys(wilson));
        Assert.Equal(0.2553, wilson.GetProperty("lower").GetDouble(), 0.00006);
        Assert.Equal(0.3662, wilson.GetProperty("upper").GetDouble(), 0.00006);
        var cp = Json("stats", "ci", "84", "101", "--method", "clopper-pearson", "--level", "0.95");
        Assert.Equal(0.744242147979102, cp.GetProperty("lower").GetDouble(), 1e-9);
        Assert.Equal(0.898781606243792, cp.GetProperty("upper").GetDouble(), 1e-9);
    }

    [Theory]
    [InlineData("wald", 0.0575, 0.3425)]
    [InlineData("newcombe", 0.0524, 0.3339)]
    [InlineData("newcombe-cc", 0.0428, 0.3422)]
    [InlineData("miettinen-nurminen", 0.0528, 0.3382)]
    public void Ci_diff_gives_Newcombe_table_II(string method, double lower, double upper)
    {
        // Newcombe 1998 Table II example (a), methods 1, 10, 11, 6 (sources in Statistics/DifferenceIntervalTests).
        var ci = Json("stats", "ci-diff", "56", "70", "48", "80", "--method", method);
        Assert.Equal(lower, ci.GetProperty("lower").GetDouble(), 0.00006);
        Assert.Equal(upper, ci.GetProperty("upper").GetDouble(), 0.00006);
    }

    [Fact]
    public void Sample_size_ni_reproduces_the_seed_protocol()
    {
        var size = Json("stats", "sample-size-ni", "--p-treatment", "0.63", "--p-control", "0.42", "--margin", "-0.15", "--alpha", "0.025",
            "--power", "0.8", "--dropout", "0.1", "--dropout-adjustment", "multiply", "--method", "farrington-manning");
        Assert.Equal(["n_treatment", "n_control", "total", "total_with_dropout", "power"], Keys(size));
        Assert.Equal(30, size.GetProperty("n_treatment").GetInt32());
        Assert.Equal(60, size.GetProperty("total").GetInt32());
        Assert.Equal(66, size.GetProperty("total_with_dropout").GetInt32());
        Assert.Equal(0.809, Math.Round(size.GetProperty("power").GetDouble(), 3));
    }

    [Fact]
    public void Power_ni_exact_and_normal_agree_roughly_in_large_arms()
    {
        string[] args = ["stats", "power-ni", "--n-per-arm", "300", "--p-treatment", "0.6", "--p-control", "0.6", "--margin", "-0.1", "--alpha", "0.025"];
        var normal = Json(args).GetProperty("power").GetDouble();
        var exact = Json([.. args, "--exact"]).GetProperty("power").GetDouble();
        Assert.Equal(["power"], Keys(Json(args)));
        Assert.InRange(exact, normal - 0.03, normal + 0.03);
    }

    [Fact]
    public void Text_form_is_a_readable_line()
    {
        var run = CliRun.Of("stats", "ci-diff", "9", "10", "3", "10", "--method", "newcombe", "--format", "text");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("95% CI (Newcombe hybrid score) 0.170", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X: 5 events out of 4", "stats", "ci", "5", "4", "--method", "wilson")]
    [InlineData("N: 0 participants", "stats", "ci", "0", "0", "--method", "clopper-pearson")]
    [InlineData("--p-control: 1.2 is outside (0, 1)", "stats", "power-ni", "--n-per-arm", "30", "--p-treatment", "0.5", "--p-control", "1.2", "--margin", "-0.15", "--alpha", "0.025")]
    [InlineData("--margin: 0.15 must be negative", "stats", "sample-size-ni", "--p-treatment", "0.5", "--p-control", "0.5", "--margin", "0.15", "--alpha", "0.025", "--power", "0.8")]
    [InlineData("has an empty row", "stats", "fisher", "0", "0", "1", "3")]
    public void Bad_arguments_exit_2_with_the_reason(string part, params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains(part, run.Error, StringComparison.Ordinal);
    }
}
