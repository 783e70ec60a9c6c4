using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Treatment;

/// <summary>One radiotherapy fraction session: delivered (with its dose) or missed.</summary>
public sealed record FractionRecord : IRecord
{
    public static string Collection => "fractions";
    public string Id { get; init; } = "";
    public string ParticipantId { get; init; } = "";
    string? IRecord.ParticipantId => ParticipantId;
    public int Sequence { get; init; }
    public DateOnly Date { get; init; }
    public FractionStatus Status { get; init; }
    public double DoseGy { get; init; }
    public string ProtocolHash { get; init; } = "";
}

public enum FractionStatus { Delivered, Missed }
