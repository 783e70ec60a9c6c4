using System.Text.Json;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Records.Model;
using ProtocolEngine.Engine.Rules;
using ProtocolEngine.Engine.Screening;
using ScreeningVerdict = ProtocolEngine.Engine.Screening.Verdict;
using ScreeningKind = ProtocolEngine.Engine.Screening.CriterionKind;

namespace ProtocolEngine.Engine.Records.Services;

/// <summary>
/// The stored screening's evaluator: the protocol's compiled rules (P2's <see cref="Screener"/>).
/// Participant data goes through <see cref="ParticipantReader"/>, so a stored screening refuses
/// exactly what <c>protocol-engine screen</c> refuses, naming every bad field.
/// </summary>
public sealed class CompiledRulesEvaluator(CompiledProtocol rules, ProtocolEngine.Engine.Model.Protocol protocol, RuleOptions? options = null) : IScreeningEvaluator
{
    private readonly Screener _screener = new(rules, options);

    public ScreeningOutcome Evaluate(IReadOnlyDictionary<string, object?> variables)
    {
        var json = JsonSerializer.SerializeToElement(variables.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value));
        var read = new ParticipantReader(protocol).Read(json);
        if (read.Data is null)
            throw new RecordRejectedException("variables", string.Join("; ", read.Errors.Select(e => e.ToString())));

        var result = _screener.Screen(read.Data);
        // Only the top-level criteria are verdicts of their own; a part's verdict is already in its criterion's.
        var verdicts = result.Criteria.Select(c => new CriterionVerdict
        {
            CriterionId = c.Id,
            Kind = c.Kind == ScreeningKind.Inclusion ? Model.CriterionKind.Inclusion : Model.CriterionKind.Exclusion,
            Verdict = c.Verdict switch
            {
                ScreeningVerdict.Met => Model.Verdict.Met,
                ScreeningVerdict.NotMet => Model.Verdict.NotMet,
                ScreeningVerdict.Unknown => Model.Verdict.Unknown,
                _ => Model.Verdict.Error,
            },
            MissingVariables = c.Missing,
            Message = c.Message ?? PartsSummary(c),
        }).ToList();
        return new ScreeningOutcome { Status = EligibilityRule.Status(verdicts), Verdicts = verdicts };
    }

    private static string? PartsSummary(CriterionResult c) =>
        c.Parts.Count == 0 ? null : string.Join(", ", c.Parts.Select(p => $"{p.Id} {VerdictNames.Of(p.Verdict)}"));
}
