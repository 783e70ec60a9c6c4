using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Screening;

/// <summary>
/// Investigator attestations (criterion id -> met) fill in criteria the evaluator left unknown;
/// they never override a verdict the rules reached.
/// </summary>
public static class Attestations
{
    public static void Check(Protocol protocol, IReadOnlyDictionary<string, bool> attestations)
    {
        var ids = protocol.Criteria.Inclusion.Concat(protocol.Criteria.Exclusion).Select(c => c.Id).ToHashSet();
        foreach (var id in attestations.Keys.Where(k => !ids.Contains(k)))
            throw new RecordRejectedException($"criteria.{id}", $"'{id}' is not an inclusion or exclusion criterion of the protocol.");
    }

    public static ScreeningOutcome Apply(ScreeningOutcome outcome, IReadOnlyDictionary<string, bool> attestations)
    {
        var verdicts = outcome.Verdicts.Select(v =>
            v.Verdict == Verdict.Unknown && attestations.TryGetValue(v.CriterionId, out var met)
                ? v with { Verdict = met ? Verdict.Met : Verdict.NotMet, MissingVariables = [], Message = "Attested by the investigator." }
                : v).ToList();
        return ScreeningOutcome.Of(verdicts);
    }
}
