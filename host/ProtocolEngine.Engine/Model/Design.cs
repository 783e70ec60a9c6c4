using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace ProtocolEngine.Engine.Model;

[Description("Study design.")]
public sealed record Design
{
    [Required] public Allocation Allocation { get; init; }
    [Required] public InterventionModel Model { get; init; }
    [Required] public Hypothesis Hypothesis { get; init; }
    [Required] public Centers Centers { get; init; }
    public Masking Masking { get; init; } = Masking.OpenLabel;
    [Description("Free text: anything the fields above do not say.")]
    public string? Note { get; init; }
}

public enum Allocation { Randomized, NonRandomized }
public enum InterventionModel { Parallel, Crossover, SingleGroup, Factorial, DoseEscalation }
public enum Hypothesis { Superiority, NonInferiority, Equivalence, Estimation }
public enum Centers { SingleCenter, Multicenter }
public enum Masking { OpenLabel, SingleBlind, DoubleBlind }
