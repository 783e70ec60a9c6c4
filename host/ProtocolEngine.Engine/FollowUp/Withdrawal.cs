using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.FollowUp;

/// <summary>A participant leaving the study under one of the protocol's drop-out criteria.</summary>
public sealed record Withdrawal : IRecord
{
    public static string Collection => "withdrawals";
    public string Id { get; init; } = "";
    public string ParticipantId { get; init; } = "";
    string? IRecord.ParticipantId => ParticipantId;
    public DateOnly Date { get; init; }
    public string CriterionId { get; init; } = "";
    public string Note { get; init; } = "";
    public string ProtocolHash { get; init; } = "";
}
