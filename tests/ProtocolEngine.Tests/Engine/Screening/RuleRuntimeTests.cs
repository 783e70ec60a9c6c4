using ProtocolEngine.Cli;
using ProtocolEngine.Tests.Support;
using System.Diagnostics;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Rules;
using ProtocolEngine.Engine.Screening;

namespace ProtocolEngine.Tests.Engine.Screening;

public class RuleRuntimeTests
{
    private const string Helpers = """

        static class Probe
        {
            public static int Calls;
            public static int Count(int x) { Calls++; return x; }
            public static bool Spin(int n) { while (n > 0) { } return true; }
            public static int Down(int n) => Down(n + 1) + 1;
            public static bool Forever() => Enumerable.Repeat(1, int.MaxValue).Select(x => x).Count() < 0;
        }
        """;

    private static (CompiledProtocol Rules, ParticipantData Data) Open(Func<string, string> yaml)
    {
        var p = new TempProtocol(yaml, s => s + Helpers);
        var opened = Edges.Engine.Validation.Open(p.Yaml, rules: new RuleOptions { UseCache = false });
        Assert.DoesNotContain(opened.Load.Diagnostics, d => d.IsError);
        var json = File.ReadAllText(Path.Combine(p.Root, "protocols", "chictr1900023401", "participants", "eligible.json"));
        var data = new ParticipantReader(opened.Load.Document!.Protocol).Read(json).Data!;
        return (opened.Rules!, data);
    }

    [Theory]
    [InlineData("Probe.Spin(1)")]
    [InlineData("Probe.Forever()")]
    public void An_endless_loop_is_an_error_of_its_criterion_after_the_time_limit(string call)
    {
        var (rules, data) = Open(y => y.Replace("rule: ecog <= 1", $"rule: {call} && ecog <= 1"));
        using (rules)
        {
            var clock = Stopwatch.StartNew();
            var result = new Screener(rules, new RuleOptions { TimeLimit = TimeSpan.FromMilliseconds(50) }).Screen(data);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
            var ic3 = result.Criteria.Single(c => c.Id == "IC3");
            Assert.Equal(Verdict.Error, ic3.Verdict);
            Assert.Contains("time limit of 50 ms", ic3.Message);
            Assert.All(result.Criteria.Where(c => c.Id != "IC3"), c => Assert.NotEqual(Verdict.Error, c.Verdict));
            Assert.Equal(ScreeningStatus.Incomplete, result.Status);
        }
    }

    [Fact]
    public void The_protocol_sets_its_own_time_limit()
    {
        var (rules, data) = Open(y => y
            .Replace("rule: ecog <= 1", "rule: Probe.Spin(1) && ecog <= 1")
            .Replace("scenarios: protocols/", "rule_time_limit_ms: 30\nscenarios: protocols/"));
        using (rules)
        {
            var ic3 = new Screener(rules).Screen(data).Criteria.Single(c => c.Id == "IC3");
            Assert.Equal(Verdict.Error, ic3.Verdict);
            Assert.Contains("time limit of 30 ms", ic3.Message);
        }
    }

    [Fact]
    public void Endless_recursion_is_an_error_not_a_crash()
    {
        // A generous time limit: on a loaded machine the descent to the stack's end may take longer than the default 100 ms,
        // and this test is about the depth check, not the clock.
        var (rules, data) = Open(y => y
            .Replace("rule: ecog <= 1", "rule: Probe.Down(0) > 0")
            .Replace("scenarios: protocols/", "rule_time_limit_ms: 60000\nscenarios: protocols/"));
        using (rules)
        {
            var ic3 = new Screener(rules).Screen(data).Criteria.Single(c => c.Id == "IC3");
            Assert.Equal(Verdict.Error, ic3.Verdict);
            Assert.Contains("recursed too deeply", ic3.Message);
        }
    }

    [Fact]
    public void A_rule_that_throws_is_an_error_with_its_message_and_the_others_still_run()
    {
        var (rules, data) = Open(y => y.Replace("rule: ecog <= 1", "rule: 10 / (ecog - ecog) > 1"));
        using (rules)
        {
            var result = new Screener(rules).Screen(data);
            var ic3 = result.Criteria.Single(c => c.Id == "IC3");
            Assert.Equal(Verdict.Error, ic3.Verdict);
            Assert.Contains("DivideByZeroException", ic3.Message);
            Assert.Equal(Verdict.Met, result.Criteria.Single(c => c.Id == "IC4").Verdict);
            Assert.Equal(ScreeningStatus.Incomplete, result.Status);
        }
    }

    [Fact]
    public void A_derived_field_is_computed_once_per_screening()
    {
        var (rules, data) = Open(y => y
            .Replace("derived:\n", "derived:\n  - id: counted_age\n    label: Age, counted\n    type: integer\n    rule: Probe.Count(age)\n")
            .Replace("rule: age >= 18 && age <= 80", "rule: counted_age >= 18 && counted_age <= 80")
            .Replace("rule: ecog <= 1", "rule: ecog <= 1 && counted_age > 0"));
        using (rules)
        {
            var participant = rules.Bind(data);
            var calls = participant.GetType().Assembly.GetType("ProtocolEngine.Generated.Probe")!.GetField("Calls")!;
            var screener = new Screener(rules);
            screener.Screen(participant);
            Assert.Equal(1, (int)calls.GetValue(null)!);
            screener.Screen(participant);
            Assert.Equal(2, (int)calls.GetValue(null)!);
        }
    }

    [Fact]
    public void A_derived_field_that_depends_on_itself_is_an_error()
    {
        var (rules, data) = Open(y => y
            .Replace("rule: Spine.IsHaematological(primary_tumour)", "rule: haematological_malignancy && Spine.IsHaematological(primary_tumour)"));
        using (rules)
        {
            var ic2 = new Screener(rules).Screen(data).Criteria.Single(c => c.Id == "IC2");
            Assert.Equal(Verdict.Error, ic2.Verdict);
            Assert.Contains("depends on itself", ic2.Message);
        }
    }
}
