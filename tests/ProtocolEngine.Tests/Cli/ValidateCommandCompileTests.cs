using ProtocolEngine.Tests.Support;
namespace ProtocolEngine.Tests.Cli;

public class ValidateCommandCompileTests
{
    [Fact]
    public void A_warm_start_never_loads_the_compiler()
    {
        var env = new Dictionary<string, string> { ["PROTOCOL_ENGINE_CACHE"] = TestCache.NewDirectory() };
        var cold = CliProcess.Run(env, "validate", RepoPaths.SeedProtocol, "--debug");
        Assert.Equal(0, cold.Code);
        Assert.Contains("Microsoft.CodeAnalysis", cold.Err);

        var warm = CliProcess.Run(env, "validate", RepoPaths.SeedProtocol, "--debug");
        Assert.Equal(0, warm.Code);
        Assert.Contains("ProtocolEngine.Rules.Roslyn", warm.Err); // the compiler edge is wired in (created at start) ...
        Assert.DoesNotContain("Microsoft.CodeAnalysis", warm.Err); // ... and Roslyn is never loaded: the rules came from the cache
        Assert.DoesNotContain("ProtocolRules_", warm.Err); // and are not loaded into this process either (only a rule worker runs them)
    }

    [Fact]
    public void Validate_reports_compile_errors_with_their_yaml_location()
    {
        var p = new TempProtocol(y => y.Replace("rule: ecog <= 1", "rule: ecgo <= 1"));
        var (code, _, err) = CliRun.Of("validate", p.Yaml);
        Assert.Equal(2, code);
        var (line, col) = TempProtocol.Find(p.Yaml, "ecgo");
        Assert.Contains($"{p.Yaml}:{line}:{col}: error PE0302: The name 'ecgo' does not exist in the current context (CS0103); did you mean 'ecog'?", err);
    }
}
