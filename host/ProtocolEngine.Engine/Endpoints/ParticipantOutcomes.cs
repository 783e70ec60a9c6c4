using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Endpoints;

/// <summary>A randomized participant's arm, treatment, outcome at each assessment visit and flare.</summary>
internal sealed record ParticipantOutcomes(string ParticipantId, string ArmId, int DeliveredFractions, IReadOnlyList<VisitOutcome> Visits, PainFlareOutcome? Flare)
{
    /// <summary>Worst pain at the baseline assessment, null without one.</summary>
    public int? BaselineWorstPain { get; init; }

    /// <summary>The baseline worst pain is below the endpoint's minimum: no visit's response can be assessed.</summary>
    public bool NotAssessable { get; init; }

    /// <summary>Whether the participant belongs to an analysis set's population.</summary>
    public bool In(AnalysisPopulation population, int plannedFractions) => population switch
    {
        AnalysisPopulation.Randomized => true,
        AnalysisPopulation.Treated => DeliveredFractions > 0,
        AnalysisPopulation.CompletedTreatment => DeliveredFractions >= plannedFractions,
        _ => throw new ArgumentOutOfRangeException(nameof(population), population, "unknown analysis population"),
    };
}
