namespace ProtocolEngine.Contracts.Plugins;

/// <summary>What <see cref="IDoseEscalationSimulator.Simulate"/> simulates.</summary>
public sealed record EscalationSimulationRequest
{
    /// <summary>The design, one of <see cref="IDoseEscalationPlugin.Designs"/>.</summary>
    public string Design { get; init; } = "";

    /// <summary>Target DLT rate, when the design uses one.</summary>
    public double? TargetToxicity { get; init; }

    /// <summary>The true DLT rate at each dose level, ascending levels.</summary>
    public IReadOnlyList<double> TrueToxicity { get; init; } = [];

    /// <summary>Number of simulated trials.</summary>
    public int Trials { get; init; } = 10_000;

    /// <summary>Seed of the random number stream: the same seed gives the same result.</summary>
    public int Seed { get; init; }

    /// <summary>Participants per cohort.</summary>
    public int CohortSize { get; init; } = 3;

    /// <summary>Maximum number of cohorts of a trial (designs with their own stopping rules may stop before).</summary>
    public int Cohorts { get; init; } = 10;

    /// <summary>Stop once this many are treated at the current dose and the design would stay there; null for never.</summary>
    public int? EarlyStopAt { get; init; }
}

/// <summary>Operating characteristics of a design.</summary>
/// <param name="SelectedPercent">Per dose level, the percentage of trials that selected it as the MTD.</param>
/// <param name="MeanTreated">Per dose level, the mean number treated there.</param>
/// <param name="NoMtdPercent">Percentage of trials that selected no MTD.</param>
/// <param name="DltRate">DLTs over participants treated, across all trials.</param>
/// <param name="StoppedEarlyPercent">Percentage of trials stopped before their maximum number of cohorts.</param>
/// <param name="MeanParticipants">Mean number treated per trial.</param>
public sealed record EscalationSimulation(IReadOnlyList<double> SelectedPercent, IReadOnlyList<double> MeanTreated, double NoMtdPercent, double DltRate, double StoppedEarlyPercent, double MeanParticipants);
