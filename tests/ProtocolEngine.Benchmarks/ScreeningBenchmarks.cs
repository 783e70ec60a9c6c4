using BenchmarkDotNet.Attributes;
using ProtocolEngine.Contracts.Rules;
using ProtocolEngine.Engine.Rules;
using ProtocolEngine.Engine.Screening;

namespace ProtocolEngine.Benchmarks;

/// <summary>One full-protocol screening (7 inclusion, 6 exclusion criteria, 5 parts) of an eligible participant.</summary>
[MemoryDiagnoser]
public class ScreeningBenchmarks
{
    private CompiledProtocol _rules = null!;
    private RuleParticipant _participant = null!;
    private Screener _screener = null!;
    private Verdict[] _verdicts = null!;
    private BenchParticipant _bench = null!;
    private RulesEngineRules _rulesEngine = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_rules, _participant) = SeedFixture.Compiled(Path.Combine(Path.GetTempPath(), "pe-bench-cache"));
        _screener = new Screener(_rules);
        _verdicts = new Verdict[_screener.RuleCount];
        _bench = BenchParticipant.Eligible();
        _rulesEngine = new RulesEngineRules();
        Check(_screener.Evaluate(_participant, _verdicts), "engine");
        Check(HandWrittenRules.Screen(_bench), "lambdas");
        Check(_rulesEngine.Screen(_bench), "RulesEngine");
    }

    private static void Check(ScreeningStatus status, string who)
    {
        if (status != ScreeningStatus.Eligible)
            throw new InvalidOperationException($"{who} says {status}; the benchmark participant is eligible");
    }

    [GlobalCleanup]
    public void Cleanup() => _rules.Dispose();

    [Benchmark(Description = "engine: compiled protocol (status + verdicts)")]
    public ScreeningStatus Engine() => _screener.Evaluate(_participant, _verdicts);

    [Benchmark(Description = "engine: full result (missing, messages, parts)")]
    public ScreeningResult EngineFullResult() => _screener.Screen(_participant);

    [Benchmark(Baseline = true, Description = "hand-written C# lambdas")]
    public ScreeningStatus Lambdas() => HandWrittenRules.Screen(_bench);

    [Benchmark(Description = "Microsoft RulesEngine 6.0.1")]
    public ScreeningStatus RulesEngine() => _rulesEngine.Screen(_bench);
}
