using ProtocolEngine.Cli;
using ProtocolEngine.Tests.Support;
using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Rules;

namespace ProtocolEngine.Tests.Engine.Rules;

public class RuleCompilerTests
{
    private static readonly RuleOptions NoCache = new() { UseCache = false };

    private static IReadOnlyList<Diagnostic> Validate(TempProtocol p) => Edges.Engine.Validation.Run(p.Yaml, rules: NoCache).Diagnostics;

    [Fact]
    public void The_seed_protocol_compiles_without_a_diagnostic()
    {
        using var opened = Edges.Engine.Validation.Open(RepoPaths.SeedProtocol, rules: NoCache);
        Assert.Empty(opened.Load.Diagnostics.Select(d => d.ToString()));
        Assert.NotNull(opened.Rules);
        Assert.Equal(8 + 5 + 5 + 4, opened.Rules!.Plan.Rules.Count); // inclusion, exclusion with a rule, EC3's parts, drop-out
    }

    [Fact]
    public void A_misspelt_variable_is_an_error_at_its_yaml_line_and_column_with_a_hint()
    {
        var p = new TempProtocol(y => y.Replace("rule: age >= 18 && age <= 80", "rule: age >= 18 && agee <= 80"));
        var d = Assert.Single(Validate(p), x => x.IsError);
        Assert.Equal(DiagnosticCodes.RuleCompile, d.Code);
        Assert.Contains("CS0103", d.Message);
        Assert.Contains("did you mean 'age'?", d.Message);
        TempProtocol.AssertAt(d, p.Yaml, TempProtocol.Find(p.Yaml, "agee"));
    }

    [Fact]
    public void A_mistyped_comparison_inside_a_block_scalar_points_at_its_line()
    {
        var p = new TempProtocol(y => y.Replace("&& !cord_compression", "&& cord_compression == \"no\""));
        var d = Assert.Single(Validate(p), x => x.IsError);
        Assert.Equal(DiagnosticCodes.RuleCompile, d.Code);
        TempProtocol.AssertAt(d, p.Yaml, TempProtocol.Find(p.Yaml, "cord_compression == \"no\""));
    }

    [Fact]
    public void Every_compile_error_is_reported_at_once()
    {
        var p = new TempProtocol(y => y
            .Replace("rule: ecog <= 1", "rule: ecgo <= 1")
            .Replace("rule: active_bleeding_coagulopathy", "rule: active_bleeding_coagulopathy + 1"));
        var errors = Validate(p).Where(x => x.IsError).ToList();
        Assert.Equal(2, errors.Count);
        TempProtocol.AssertAt(errors[0], p.Yaml, TempProtocol.Find(p.Yaml, "ecgo"));
        TempProtocol.AssertAt(errors[1], p.Yaml, TempProtocol.Find(p.Yaml, "active_bleeding_coagulopathy + 1"));
    }

    [Fact]
    public void A_rule_of_the_wrong_type_is_an_error()
    {
        var p = new TempProtocol(y => y.Replace("rule: ecog <= 1", "rule: ecog + 1"));
        var d = Assert.Single(Validate(p), x => x.IsError);
        Assert.Contains("CS0029", d.Message); // cannot convert int to bool
        TempProtocol.AssertAt(d, p.Yaml, TempProtocol.Find(p.Yaml, "ecog + 1"));
    }

    [Fact]
    public void An_error_in_a_script_points_at_the_script_line()
    {
        var p = new TempProtocol(script: s => s.Replace("sites++;", "sites += \"one\";"));
        var d = Assert.Single(Validate(p), x => x.IsError);
        Assert.Equal(DiagnosticCodes.RuleCompile, d.Code);
        var at = TempProtocol.Find(p.Script, "sites += \"one\"");
        Assert.Equal(Path.GetFullPath(p.Script), Path.GetFullPath(d.Location.File));
        Assert.Equal(at.Line, d.Location.Line);
    }

    [Fact]
    public void A_syntax_error_is_reported_once_as_PE0301()
    {
        var p = new TempProtocol(y => y.Replace("rule: ecog <= 1", "rule: ecog <= (1"));
        var errors = Validate(p).Where(x => x.IsError).ToList();
        Assert.All(errors, e => Assert.Equal(DiagnosticCodes.RuleSyntax, e.Code));
        Assert.Single(errors);
        var at = TempProtocol.Find(p.Yaml, "ecog <= (1");
        TempProtocol.AssertAt(errors[0], p.Yaml, (at.Line, at.Column + "ecog <= (1".Length));
    }

    [Fact]
    public void A_rule_cannot_break_out_of_its_expression()
    {
        var q = new TempProtocol(y => y.Replace("rule: ecog <= 1", "rule: ecog <= 1; } static void X() {"));
        Assert.Contains(Validate(q), e => e.Code == DiagnosticCodes.RuleSyntax);
    }

    [Fact]
    public void Compile_does_not_run_when_the_protocol_has_semantic_errors()
    {
        var p = new TempProtocol(y => y.Replace("code_list: sex, registration: sex}", "code_list: sexx, registration: sex}").Replace("rule: ecog <= 1", "rule: ecgo <= 1"));
        var errors = Validate(p).Where(x => x.IsError).ToList();
        Assert.Contains(errors, e => e.Code == DiagnosticCodes.UndefinedCodeList);
        Assert.DoesNotContain(errors, e => e.Code.StartsWith("PE03", StringComparison.Ordinal));
    }

    [Fact]
    public void A_warning_is_reported_at_its_place_and_again_from_the_cache()
    {
        var p = new TempProtocol(y => y.Replace("rule: ecog <= 1", "rule: ecog <= 1 || ecog == null"));
        var options = new RuleOptions { CacheDirectory = TestCache.NewDirectory() };
        foreach (var expectCached in new[] { false, true })
        {
            using var opened = Edges.Engine.Validation.Open(p.Yaml, rules: options);
            Assert.Equal(expectCached, opened.Rules!.FromCache);
            var d = Assert.Single(opened.Load.Diagnostics);
            Assert.Equal(Severity.Warning, d.Severity);
            Assert.Contains("CS0472", d.Message);
            TempProtocol.AssertAt(d, p.Yaml, TempProtocol.Find(p.Yaml, "ecog == null"));
        }
    }
}
