using ProtocolEngine.Engine.Participants;

namespace ProtocolEngine.Engine.Screening;

/// <summary>
/// Judges a participant's screening variables against the protocol's criteria (P2's rule evaluator
/// implements it). Values are typed by the protocol's variables: long, double, bool, DateOnly,
/// string (code and text), or a list of those for many-valued variables.
/// </summary>
public interface IScreeningEvaluator
{
    ScreeningOutcome Evaluate(ParticipantData participant);
}
