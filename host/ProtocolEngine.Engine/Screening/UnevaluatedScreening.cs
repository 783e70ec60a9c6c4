using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Participants;

namespace ProtocolEngine.Engine.Screening;

/// <summary>
/// The evaluator used when no rule evaluator is wired: every inclusion and exclusion criterion is
/// 'unknown' (status incomplete) until an investigator attests it at screening.
/// </summary>
public sealed class UnevaluatedScreening(Protocol protocol) : IScreeningEvaluator
{
    public ScreeningOutcome Evaluate(ParticipantData participant)
    {
        var verdicts = protocol.Criteria.Inclusion.Select(c => Unknown(c, CriterionKind.Inclusion))
            .Concat(protocol.Criteria.Exclusion.Select(c => Unknown(c, CriterionKind.Exclusion))).ToList();
        return ScreeningOutcome.Of(verdicts);
    }

    private static CriterionVerdict Unknown(Criterion c, CriterionKind kind) => new()
    {
        CriterionId = c.Id, Kind = kind, Verdict = Verdict.Unknown,
        Message = "No rule evaluator is configured; the investigator must attest this criterion.",
    };
}
