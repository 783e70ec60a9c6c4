using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace ProtocolEngine.Engine.Model;

[Description("Radiotherapy dose and fractionation. total_dose_gy must equal fractions x dose_per_fraction_gy.")]
public sealed record Fractionation
{
    [Required, Range(0.1, 200.0)] public double TotalDoseGy { get; init; }
    [Required, Range(1, 100)] public int Fractions { get; init; }
    [Required, Range(0.1, 50.0)] public double DosePerFractionGy { get; init; }
    [Range(1, 3)] public int FractionsPerDay { get; init; } = 1;
    [Required, Description("Weekdays on which fractions are given.")]
    public IReadOnlyList<DayOfWeek> TreatmentDays { get; init; } = [];
    [Description("Beam energy, e.g. '6 MV'.")] public string? Energy { get; init; }
    [Description("Technique, e.g. IGRT, IMRT, SBRT.")] public string? Technique { get; init; }
    [Required] public Prescription Prescription { get; init; } = new();
    [Range(0.0, 5.0), Description("PTV = CTV + this margin (cm).")] public double PtvMarginCm { get; init; }
    [Description("alpha/beta ratios (Gy) at which describe reports BED and EQD2.")]
    public IReadOnlyList<double> AlphaBetaGy { get; init; } = [10];
}

[Description("Where the dose is prescribed.")]
public sealed record Prescription
{
    [Required, Description("Volume the dose is prescribed to, e.g. PTV.")] public string Volume { get; init; } = "";
    [Required, Range(1.0, 100.0), Description("Percent of the volume that receives the prescribed dose.")] public double CoveragePercent { get; init; }
}
