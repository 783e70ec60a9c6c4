using System.Text.Json;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Rules;
using ProtocolEngine.Engine.Screening;

namespace ProtocolEngine.Engine.Scenarios;

/// <summary>Runs scenarios against compiled rules and lists every difference from the expectation.</summary>
public sealed class ScenarioRunner(IScreener screener, Model.Protocol protocol)
{
    /// <summary>The rules run in this process (trusted rules only; see <see cref="Screener"/>).</summary>
    public ScenarioRunner(CompiledProtocol rules, RuleOptions? options = null) : this(new Screener(rules, options), rules.Plan.Protocol) { }

    private readonly ParticipantReader _reader = new(protocol);

    /// <summary>The scenario files of a protocol: *.json in its scenarios folder (default "scenarios"), sorted.</summary>
    public static IReadOnlyList<string> FilesOf(Loading.ProtocolDocument document)
    {
        var folder = Path.Combine(document.Directory, document.Protocol.Scenarios ?? "scenarios");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToList()
            : [];
    }

    public ScenarioOutcome Run(ScenarioCase scenario)
    {
        using var doc = JsonDocument.Parse(scenario.Participant.ToJsonString());
        var read = _reader.Read(doc.RootElement);
        if (read.Data is null)
            return new ScenarioOutcome(scenario, read.Errors.Select(e => $"participant data refused: {e}").ToList());

        var result = screener.Screen(read.Data);
        var failures = new List<string>();
        if (scenario.ExpectedStatus is { } status && status != result.Status)
            failures.Add($"status: expected {VerdictNames.Of(status)}, got {VerdictNames.Of(result.Status)}");
        var all = Flatten(result.Criteria).ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var (id, verdict) in scenario.ExpectedVerdicts)
        {
            if (!all.TryGetValue(id, out var actual))
                failures.Add($"{id}: no such inclusion or exclusion criterion");
            else if (actual.Verdict != verdict)
                failures.Add($"{id}: expected {VerdictNames.Of(verdict)}, got {VerdictNames.Of(actual.Verdict)}{Detail(actual)}");
        }
        foreach (var (id, missing) in scenario.ExpectedMissing)
        {
            if (all.TryGetValue(id, out var actual) && !missing.Order(StringComparer.Ordinal).SequenceEqual(actual.Missing.Order(StringComparer.Ordinal)))
                failures.Add($"{id}: expected missing [{string.Join(", ", missing)}], got [{string.Join(", ", actual.Missing)}]");
        }
        return new ScenarioOutcome(scenario, failures);
    }

    private static string Detail(CriterionResult c) => c.Verdict switch
    {
        Verdict.Unknown => $" (missing: {string.Join(", ", c.Missing)})",
        Verdict.Error => $" ({c.Message})",
        _ => "",
    };

    private static IEnumerable<CriterionResult> Flatten(IEnumerable<CriterionResult> results) =>
        results.SelectMany(r => Flatten(r.Parts).Prepend(r));
}
