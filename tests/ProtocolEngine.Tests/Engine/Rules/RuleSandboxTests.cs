using ProtocolEngine.Cli;
using ProtocolEngine.Tests.Support;
using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Rules;

namespace ProtocolEngine.Tests.Engine.Rules;

public class RuleSandboxTests
{
    private static IReadOnlyList<Diagnostic> WithRule(string rule, out TempProtocol p)
    {
        p = new TempProtocol(y => y.Replace("rule: ecog <= 1", "rule: " + rule));
        return Edges.Engine.Validation.Run(p.Yaml, rules: new RuleOptions { UseCache = false }).Diagnostics;
    }

    [Theory]
    [InlineData("System.IO.File.Exists(\"/etc/passwd\")", "file I/O")]
    [InlineData("typeof(int).Name == \"Int32\"", "typeof")]
    [InlineData("ecog.GetType().Name == \"Int32\"", "GetType()")]
    [InlineData("System.Environment.ProcessorCount > 0", "environment")]
    [InlineData("System.Threading.Thread.CurrentThread.IsAlive", "threads")]
    [InlineData("System.Threading.Tasks.Task.CompletedTask.IsCompleted", "threads and tasks")]
    [InlineData("System.Diagnostics.Stopwatch.GetTimestamp() > 0", "processes and diagnostics")]
    [InlineData("System.AppDomain.CurrentDomain.GetAssemblies().Length > 0", "runtime")]
    [InlineData("System.Runtime.InteropServices.Marshal.SizeOf<int>() > 0", "interop")]
    [InlineData("System.Activator.CreateInstance<object>() != null", "reflection")]
    [InlineData("ProtocolEngine.Contracts.Rules.RuleGuard.TicksPerClockRead > 0", "not allowed")]
    public void A_forbidden_api_in_a_rule_is_an_error_at_its_place(string rule, string why)
    {
        var diagnostics = WithRule(rule, out var p);
        var d = Assert.Single(diagnostics.Where(x => x.Code == DiagnosticCodes.RuleForbidden).DistinctBy(x => x.Location.Line));
        Assert.Contains(why, d.Message);
        Assert.Equal(TempProtocol.Find(p.Yaml, rule).Line, d.Location.Line);
    }

    [Fact]
    public void Dynamic_is_refused()
    {
        var diagnostics = WithRule("((dynamic)ecog) <= 1", out _);
        Assert.Contains(diagnostics, d => d.IsError && d.Message.Contains("dynamic", StringComparison.Ordinal));
    }

    [Fact]
    public void Forbidden_code_in_a_script_is_reported_at_the_script_line()
    {
        var p = new TempProtocol(script: s => s + "\nstatic class Bad\n{\n    public static string Read() => System.IO.File.ReadAllText(\"x\");\n    public static unsafe int Peek(int* p) => *p;\n    ~Bad2() { }\n}\n");
        var errors = Edges.Engine.Validation.Run(p.Yaml, rules: new RuleOptions { UseCache = false }).Diagnostics.Where(d => d.IsError).ToList();
        var forbidden = errors.Where(d => d.Code == DiagnosticCodes.RuleForbidden).ToList();
        Assert.Contains(forbidden, d => d.Message.Contains("file I/O", StringComparison.Ordinal) && d.Location.Line == TempProtocol.Find(p.Script, "ReadAllText").Line);
        Assert.Contains(forbidden, d => d.Message.Contains("unsafe", StringComparison.Ordinal) && d.Location.Line == TempProtocol.Find(p.Script, "Peek").Line);
        Assert.All(errors, d => Assert.Equal(Path.GetFullPath(p.Script), Path.GetFullPath(d.Location.File)));
    }

    [Fact]
    public void Allowed_apis_compile()
    {
        var diagnostics = WithRule("Math.Max(ecog, 0) <= 1 && new List<int> { 1 }.Select(x => x * 2).Sum() == 2 && \"a\".ToUpperInvariant() == \"A\" && DateOnly.MinValue < screening_date && CodeLists.sex.Count == 2 && new HashSet<string>().Count == 0 && new System.Text.StringBuilder().Length == 0", out _);
        Assert.DoesNotContain(diagnostics, d => d.IsError);
    }
}
