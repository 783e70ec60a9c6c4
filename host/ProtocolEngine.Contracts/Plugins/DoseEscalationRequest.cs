namespace ProtocolEngine.Contracts.Plugins;

/// <summary>The state of a dose-escalation study when the next cohort is due.</summary>
public sealed record DoseEscalationRequest
{
    /// <summary>The design, one of <see cref="IDoseEscalationPlugin.Designs"/>.</summary>
    public string Design { get; init; } = "";

    /// <summary>Target DLT rate (e.g. 0.25); required by model-assisted designs such as BOIN.</summary>
    public double? TargetToxicity { get; init; }

    /// <summary>The dose level the last cohort received (1-based, as in <see cref="Doses"/>).</summary>
    public int CurrentLevel { get; init; }

    /// <summary>Every dose level in ascending order, with what was observed there (n = 0 for untried levels).</summary>
    public IReadOnlyList<DoseLevelData> Doses { get; init; } = [];

    /// <summary>Participants to treat at one level before the design stops on it; null for the design's default.</summary>
    public int? MaxPerLevel { get; init; }
}
