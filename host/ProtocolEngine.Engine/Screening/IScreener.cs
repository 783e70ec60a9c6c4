using ProtocolEngine.Engine.Participants;

namespace ProtocolEngine.Engine.Screening;

/// <summary>
/// Screens one participant's checked data against the inclusion and exclusion criteria. <see cref="Screener"/>
/// runs the rules in this process (trusted callers: benchmarks, the engine's own tests of the rules);
/// <see cref="Isolation.IsolatedScreener"/> runs them in a worker process that a rule cannot take down with it.
/// </summary>
public interface IScreener
{
    ScreeningResult Screen(ParticipantData data);
}
