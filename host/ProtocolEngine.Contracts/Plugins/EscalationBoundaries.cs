namespace ProtocolEngine.Contracts.Plugins;

/// <summary>What <see cref="IDoseEscalationSimulator.Boundaries"/> tabulates.</summary>
public sealed record EscalationBoundaryRequest
{
    /// <summary>The design, one of <see cref="IDoseEscalationPlugin.Designs"/>.</summary>
    public string Design { get; init; } = "";

    /// <summary>Target DLT rate, when the design uses one.</summary>
    public double? TargetToxicity { get; init; }

    /// <summary>Participants per cohort.</summary>
    public int CohortSize { get; init; } = 3;

    /// <summary>Largest number treated at one dose to tabulate.</summary>
    public int MaxTreated { get; init; } = 30;
}

/// <summary>A design's decision table.</summary>
/// <param name="Design">The design tabulated.</param>
/// <param name="LambdaE">BOIN's escalation boundary on the observed rate; null for designs without one.</param>
/// <param name="LambdaD">BOIN's de-escalation boundary on the observed rate; null for designs without one.</param>
/// <param name="Rows">One row per number treated (multiples of the cohort size).</param>
public sealed record EscalationBoundaries(string Design, double? LambdaE, double? LambdaD, IReadOnlyList<EscalationBoundaryRow> Rows);

/// <summary>The decision for one number treated at the current dose.</summary>
/// <param name="Treated">Participants treated at the current dose.</param>
/// <param name="EscalateAtMost">Escalate if the DLTs are at most this; null if no count escalates.</param>
/// <param name="DeEscalateAtLeast">De-escalate if the DLTs are at least this; null if no count de-escalates.</param>
/// <param name="EliminateAtLeast">Eliminate the dose and all higher ones if the DLTs are at least this; null if none.</param>
public sealed record EscalationBoundaryRow(int Treated, int? EscalateAtMost, int? DeEscalateAtLeast, int? EliminateAtLeast);
