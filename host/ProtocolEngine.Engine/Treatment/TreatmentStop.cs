using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Treatment;

/// <summary>Radiotherapy stopped before the planned course was delivered: the course ends on its last delivered fraction.</summary>
public sealed record TreatmentStop : IRecord
{
    public static string Collection => "treatment_stops";
    public string Id { get; init; } = "";
    public string ParticipantId { get; init; } = "";
    string? IRecord.ParticipantId => ParticipantId;
    public DateOnly Date { get; init; }
    public StopReason Reason { get; init; }
    public string Note { get; init; } = "";
    public string ProtocolHash { get; init; } = "";
}

public enum StopReason { Toxicity, Progression, Death, ConsentWithdrawn, PatientChoice, Other }
