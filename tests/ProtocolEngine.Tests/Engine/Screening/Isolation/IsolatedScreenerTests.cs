using System.Diagnostics;
using ProtocolEngine.Cli;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Rules;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Screening.Isolation;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Engine.Screening.Isolation;

/// <summary>
/// Issue 11.1: rules that would take the coordinator down (a stack overflow inside library code, a library call that
/// runs for ever, a memory bomb) each fail their own criterion in the worker process; the others still get verdicts
/// and this test process lives on. Each test has its own pool, disposed at its end, and checks no worker is left.
/// </summary>
public sealed class IsolatedScreenerTests
{
    private const string Attacks = """

        static class Attack
        {
            // Tuple<object, int>.GetHashCode recurses into its first item: a million levels overflow the stack inside the runtime's code.
            public static bool DeepTuple()
            {
                object t = 0;
                for (var i = 0; i < 1_000_000; i++) t = Tuple.Create(t, i);
                return t.GetHashCode() != 0;
            }

            // A record's compiler-generated GetHashCode follows Next down the chain (the engine's guard is not in generated members).
            public static bool LongChain()
            {
                Link? head = null;
                for (var i = 0; i < 1_000_000; i++) head = new Link(head, i);
                return head!.GetHashCode() != 0;
            }

            // Four billion steps inside Enumerable.Sum: no loop of the author's for the time guard to sit in.
            public static bool LongSum() => Enumerable.Repeat(1L, int.MaxValue).Concat(Enumerable.Repeat(1L, int.MaxValue)).Sum() > 0;

            public static bool ByteBomb()
            {
                var keep = new List<byte[]>();
                while (true) keep.Add(new byte[1 << 20]);
            }

            public static bool HugeString() => new string('x', 400_000_000).Length > 0;
        }

        record Link(Link? Next, int Value);
        """;

    private static (CompiledProtocol Rules, ParticipantData Data) Open(string call, int limitMs = 60_000)
    {
        var p = new TempProtocol(
            // The attack runs only when ECOG is known: without it the same rules are safe to screen in this process, for the expected verdicts.
            y => y.Replace("rule: ecog <= 1", $"rule: ecog <= 1 && {call}").Replace("scenarios: protocols/", $"rule_time_limit_ms: {limitMs}\nscenarios: protocols/"),
            s => s + Attacks);
        var opened = Edges.Engine.Validation.Open(p.Yaml, rules: new RuleOptions { UseCache = false });
        Assert.DoesNotContain(opened.Load.Diagnostics, d => d.IsError);
        var json = File.ReadAllText(Path.Combine(p.Root, "protocols", "chictr1900023401", "participants", "eligible.json"));
        return (opened.Rules!, new ParticipantReader(opened.Load.Document!.Protocol).Read(json).Data!);
    }

    /// <summary>Screens with a pool of its own; asserts IC3 is the only error, with the given reason, and that the other criteria kept their verdicts.</summary>
    private static void AssertOnlyIc3Fails(string call, string reason, RuleOptions? options = null, int limitMs = 60_000)
    {
        var (rules, data) = Open(call, limitMs);
        var expected = new Screener(rules).Screen(data with { Values = data.Values.Where(v => v.Key != "ecog").ToDictionary() });
        int[] workers;
        using (rules)
        using (var pool = new RuleWorkerPool())
        {
            var result = new IsolatedScreener(rules, options, pool).Screen(data);
            var ic3 = result.Criteria.Single(c => c.Id == "IC3");
            Assert.Equal(Verdict.Error, ic3.Verdict);
            Assert.Contains(reason, ic3.Message);
            foreach (var c in result.Criteria.Where(c => c.Id != "IC3"))
                Assert.Equal(VerdictOf(expected, c.Id), c.Verdict);
            Assert.Equal(ScreeningStatus.Incomplete, result.Status);

            // The worker that died was replaced, and the new one screens again.
            Assert.True(pool.Started >= 2, $"{pool.Started} worker(s) started");
            var again = new IsolatedScreener(rules, options, pool).Screen(data with { Values = data.Values.Where(v => v.Key != "ecog").ToDictionary() });
            Assert.Equal(Verdict.Unknown, again.Criteria.Single(c => c.Id == "IC3").Verdict);
            workers = [.. pool.IdleProcessIds()];
        }
        Assert.All(workers, AssertEnded);
    }

    private static Verdict VerdictOf(ScreeningResult result, string id) => result.Criteria.Single(c => c.Id == id).Verdict;

    private static void AssertEnded(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            Assert.True(process.WaitForExit(10_000), $"worker {pid} still runs");
        }
        catch (ArgumentException) { /* gone */ }
    }

    [Fact]
    public void A_stack_overflow_in_a_nested_tuples_GetHashCode_is_an_error_of_its_criterion() =>
        AssertOnlyIc3Fails("Attack.DeepTuple()", "overflowed the stack");

    [Fact]
    public void A_stack_overflow_in_a_records_generated_GetHashCode_is_an_error_of_its_criterion() =>
        AssertOnlyIc3Fails("Attack.LongChain()", "overflowed the stack");

    [Fact]
    public void A_library_call_that_runs_for_ever_is_stopped_by_the_watchdog() =>
        AssertOnlyIc3Fails("Attack.LongSum()", "time limit of 300 ms", limitMs: 300);

    [Fact]
    public void Allocating_arrays_in_a_loop_exceeds_the_memory_budget() =>
        AssertOnlyIc3Fails("Attack.ByteBomb()", "memory budget of 96 MB", new RuleOptions { MemoryLimitBytes = 96L << 20 });

    [Fact]
    public void A_huge_string_exceeds_the_memory_budget() =>
        AssertOnlyIc3Fails("Attack.HugeString()", "memory budget of 96 MB", new RuleOptions { MemoryLimitBytes = 96L << 20 });

    [Fact]
    public void The_isolated_screener_gives_the_same_result_as_the_in_process_one()
    {
        var (rules, data) = Open("true");
        using (rules)
        using (var pool = new RuleWorkerPool())
        {
            var missing = data with { Values = data.Values.Where(v => v.Key is not ("age" or "metastases")).ToDictionary() };
            foreach (var d in new[] { data, missing })
            {
                var expected = new Screener(rules).Screen(d);
                var actual = new IsolatedScreener(rules, pool: pool).Screen(d);
                Assert.Equal(expected.Status, actual.Status);
                Assert.Equal(Flatten(expected.Criteria), Flatten(actual.Criteria));
            }
            Assert.Equal(1, pool.Started);
        }
    }

    [Fact]
    public void The_compiled_rules_are_never_loaded_into_the_coordinators_process()
    {
        var (rules, data) = Open("Attack.HugeString() || true");
        using (rules)
        using (var pool = new RuleWorkerPool())
        {
            new IsolatedScreener(rules, pool: pool).Screen(data);
            var name = "ProtocolRules_" + rules.CacheKey[..16];
            Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == name);
        }
    }

    private static List<string> Flatten(IEnumerable<CriterionResult> results) =>
        results.SelectMany(r => Flatten(r.Parts).Prepend($"{r.Id} {r.Verdict} [{string.Join(",", r.Missing)}] {r.Message}")).ToList();

    [Fact]
    public void The_screen_command_survives_a_rule_that_overflows_the_stack()
    {
        var p = new TempProtocol(y => y.Replace("rule: ecog <= 1", "rule: Attack.DeepTuple() && ecog <= 1")
            .Replace("scenarios: protocols/", "rule_time_limit_ms: 60000\nscenarios: protocols/"), s => s + Attacks);
        var eligible = Path.Combine(p.Root, "protocols", "chictr1900023401", "participants", "eligible.json");
        var run = CliRun.Of("screen", "--participant", eligible, "--protocol", p.Yaml, "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(run.Out);
        var criteria = doc.RootElement.GetProperty("criteria").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("verdict").GetString());
        Assert.Equal("error", criteria["IC3"]);
        Assert.Equal("met", criteria["IC1"]);
        Assert.Equal("not-met", criteria["EC6"]);
    }
}
