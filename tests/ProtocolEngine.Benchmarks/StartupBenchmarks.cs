using BenchmarkDotNet.Attributes;
using ProtocolEngine.Engine.Loading;
using ProtocolEngine.Engine.Rules;
using ProtocolEngine.Rules.Roslyn;

namespace ProtocolEngine.Benchmarks;

/// <summary>
/// Compile (cache miss, Roslyn already warm in the process) and warm start (cache hit: read the
/// assembly, load it into a new collectible context, make a participant). The first compile of a
/// fresh process is measured with hyperfine, see docs/benchmarks.md.
/// </summary>
public class StartupBenchmarks
{
    private ProtocolDocument _document = null!;
    private RulePlan _plan = null!;
    private RuleOptions _cached = null!;
    private readonly RoslynRuleCompiler _compiler = new();

    [GlobalSetup]
    public void Setup()
    {
        _document = SeedFixture.Document();
        _plan = RulePlan.For(_document.Protocol);
        _cached = new RuleOptions { CacheDirectory = Path.Combine(Path.GetTempPath(), "pe-bench-cache") };
        SeedFixture.Engine.Rules.Load(_document, _cached).Rules!.Dispose();
    }

    [Benchmark(Description = "compile protocol (in-process, Roslyn warm)")]
    public int Compile() => _compiler.Compile(_document, _plan, "ProtocolRules_bench").Image!.Length;

    [Benchmark(Description = "warm start: load cached assembly + unload")]
    public int WarmStart()
    {
        using var rules = SeedFixture.Engine.Rules.Load(_document, _cached).Rules!;
        return rules.NewParticipant().VariableIds.Count;
    }
}
