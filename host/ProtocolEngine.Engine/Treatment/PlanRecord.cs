using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Treatment;

/// <summary>
/// A plan value of one organ at risk for a participant: the structure's maximum dose over the planned fractions, its EQD2
/// at the protocol's alpha/beta for the tissue, the protocol's limit and whether the plan breaks it.
/// </summary>
public sealed record PlanRecord : IRecord
{
    public static string Collection => "plan_values";
    public string Id { get; init; } = "";
    public string ParticipantId { get; init; } = "";
    string? IRecord.ParticipantId => ParticipantId;
    public string Structure { get; init; } = "";
    public double DmaxGy { get; init; }
    public int Fractions { get; init; }
    public double? AlphaBetaGy { get; init; }

    /// <summary>The value compared with the limit: EQD2 of the Dmax at the tissue's alpha/beta, or the Dmax itself when the constraint gives none.</summary>
    public double ComparedGy { get; init; }
    public double LimitGy { get; init; }
    public bool Violation { get; init; }
    public DateOnly RecordedOn { get; init; }
    public string ProtocolHash { get; init; } = "";
}
