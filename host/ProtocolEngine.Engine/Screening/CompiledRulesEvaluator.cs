using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Rules;

namespace ProtocolEngine.Engine.Screening;

/// <summary>
/// The stored screening's evaluator: the protocol's compiled rules (the same <see cref="Screener"/>
/// as <c>protocol-engine screen</c>), on data read by <see cref="ScreeningDataReader"/>.
/// </summary>
public sealed class CompiledRulesEvaluator(CompiledProtocol rules, RuleOptions? options = null) : IScreeningEvaluator
{
    private readonly Screener _screener = new(rules, options);

    public ScreeningOutcome Evaluate(ParticipantData participant)
    {
        var result = _screener.Screen(participant);
        // Only the top-level criteria are verdicts of their own; a part's verdict is already in its criterion's.
        var verdicts = result.Criteria.Select(c => new CriterionVerdict
        {
            CriterionId = c.Id, Kind = c.Kind, Verdict = c.Verdict, MissingVariables = c.Missing, Message = c.Message ?? PartsSummary(c),
        }).ToList();
        return new ScreeningOutcome { Status = result.Status, Verdicts = verdicts };
    }

    private static string? PartsSummary(CriterionResult c) =>
        c.Parts.Count == 0 ? null : string.Join(", ", c.Parts.Select(p => $"{p.Id} {VerdictNames.Of(p.Verdict)}"));
}
