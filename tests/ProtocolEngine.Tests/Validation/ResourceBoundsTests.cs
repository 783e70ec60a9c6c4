using ProtocolEngine.Cli;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Validation;

/// <summary>
/// Issue 11, point 2: values that bind but would exhaust memory once the trial runs (a block drawn whole,
/// visits planned per participant, strata each with blocks of their own) are refused by `validate`, at
/// the value, with exit 2. Each case is the minimal corpus protocol with one value made absurd.
/// </summary>
public sealed class ResourceBoundsTests
{
    private static string Minimal => File.ReadAllText(Path.Combine(RepoPaths.Corpus, "valid", "minimal.yaml"));

    [Theory]
    [InlineData("method: permuted-blocks\n", "method: permuted-blocks\n  block_sizes: [2, 2000000000]\n", "2000000000", "PE0240", "block size 2,000,000,000 is more than 1,000")]
    [InlineData("method: permuted-blocks\n", "method: permuted-blocks\n  block_sizes: [2, 4]\n  block_size_weights: [1, 2000000000]\n", "2000000000", "PE0240", "block size weight 2,000,000,000")]
    [InlineData("strata: [site]", "strata: [site, big]", "[site, big]", "PE0240", "more than 10,000 strata")]
    [InlineData("strata: [site]", "strata: [site, ecog, sex, consent, ecog2, ecog3, ecog4, ecog5, ecog6]", "[site, ecog", "PE0240", "by 9 factors")]
    [InlineData("months: 3\n", "months: 2000000000\n", "2000000000", "PE0240", "more than 36,525 (100 years)")]
    [InlineData("days: 0\n", "days: -2000000000\n", "-2000000000", "PE0240", "2,000,000,000 days from its anchor")]
    [InlineData("fractions: 10", "fractions: 2000000000", "2000000000", "PE0105", "outside the allowed range 1 to 100")]
    [InlineData("ratio: 1}", "ratio: 2000000000}", "2000000000", "PE0105", "outside the allowed range 1 to 100")]
    public void An_absurd_value_is_refused_at_its_place(string from, string to, string needle, string code, string message)
    {
        using var temp = new TempDirectory();
        var extra = "  - {id: big, label: Big, type: integer, min: 0, max: 100000}\n"
                    + string.Concat(Enumerable.Range(2, 5).Select(i => $"  - {{id: ecog{i}, label: E, type: integer, min: 0, max: 5}}\n"));
        var consent = "  - {id: consent, label: Consent signed, type: boolean}\n";
        var text = Minimal.Replace(consent, consent + extra, StringComparison.Ordinal);
        var index = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(index >= 0, from);
        var file = temp.File("protocol.yaml");
        File.WriteAllText(file, text[..index] + to + text[(index + from.Length)..]);

        var result = Edges.Engine.Validation.Run(file);
        var at = TempProtocol.Find(file, needle);
        var error = Assert.Single(result.Diagnostics, d => d.Code == code);
        Assert.Equal(at, (error.Location.Line, error.Location.Column));
        Assert.Contains(message, error.Message);

        var cli = CliRun.Of("validate", file);
        Assert.Equal(ExitCodes.InvalidInput, cli.ExitCode);
        Assert.Contains($"{file}:{at.Line}:{at.Column}: error {code}: ", cli.Error);
    }

    [Fact]
    public void The_minimal_protocol_with_the_extra_variables_is_valid()
    {
        // The cases above change one value each; without the change the protocol passes.
        using var temp = new TempDirectory();
        var consent = "  - {id: consent, label: Consent signed, type: boolean}\n";
        var file = temp.File("protocol.yaml");
        File.WriteAllText(file, Minimal.Replace(consent, consent + "  - {id: big, label: Big, type: integer, min: 0, max: 100000}\n", StringComparison.Ordinal));
        var result = Edges.Engine.Validation.Run(file);
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
    }
}
