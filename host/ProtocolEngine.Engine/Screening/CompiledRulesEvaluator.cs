using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Rules;

namespace ProtocolEngine.Engine.Screening;

/// <summary>
/// The stored screening's evaluator: the protocol's compiled rules through a screener (the same as
/// <c>protocol-engine screen</c>: the isolated one in the commands), on data read by <see cref="ScreeningDataReader"/>.
/// </summary>
public sealed class CompiledRulesEvaluator(IScreener screener) : IScreeningEvaluator
{
    /// <summary>The rules run in this process (trusted rules only; see <see cref="Screener"/>).</summary>
    public CompiledRulesEvaluator(CompiledProtocol rules, RuleOptions? options = null) : this(new Screener(rules, options)) { }

    public ScreeningOutcome Evaluate(ParticipantData participant)
    {
        var result = screener.Screen(participant);
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
