using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Endpoints;

/// <summary>A randomized participant's arm, treatment, outcome at each assessment visit and flare.</summary>
internal sealed record ParticipantOutcomes(string ParticipantId, string ArmId, int DeliveredFractions, IReadOnlyList<VisitOutcome> Visits, PainFlareOutcome? Flare)
{
    /// <summary>Whether the participant belongs to an analysis set's population.</summary>
    public bool In(AnalysisPopulation population, int plannedFractions) => population switch
    {
        AnalysisPopulation.Randomized => true,
        AnalysisPopulation.Treated => DeliveredFractions > 0,
        AnalysisPopulation.CompletedTreatment => DeliveredFractions >= plannedFractions,
        _ => throw new ArgumentOutOfRangeException(nameof(population), population, "unknown analysis population"),
    };
}
