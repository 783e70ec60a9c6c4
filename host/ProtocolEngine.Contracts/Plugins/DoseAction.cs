namespace ProtocolEngine.Contracts.Plugins;

/// <summary>The step a dose-escalation design takes.</summary>
public enum DoseAction
{
    /// <summary>Treat the next cohort at the next higher level.</summary>
    Escalate,

    /// <summary>Treat the next cohort at the same level.</summary>
    Stay,

    /// <summary>Treat the next cohort at the next lower level.</summary>
    DeEscalate,

    /// <summary>Stop enrolling; see <see cref="DoseDecision.MaximumToleratedLevel"/>.</summary>
    Stop,
}
