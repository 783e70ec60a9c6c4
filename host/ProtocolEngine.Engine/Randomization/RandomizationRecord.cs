using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Randomization;

/// <summary>The one allocation of a participant: arm, stratum, position in the stratum's list, block.</summary>
public sealed record RandomizationRecord : IRecord
{
    public static string Collection => "randomizations";
    public string Id { get; init; } = "";
    public string ParticipantId { get; init; } = "";
    string? IRecord.ParticipantId => ParticipantId;
    public string ArmId { get; init; } = "";
    public string StratumKey { get; init; } = "";

    /// <summary>The stratification and minimization factor values the allocation used.</summary>
    public IReadOnlyDictionary<string, string> Factors { get; init; } = new Dictionary<string, string>();
    public int ListPosition { get; init; }
    public string BlockId { get; init; } = "";
    public DateTimeOffset RandomizedAtUtc { get; init; }
    public DateOnly RandomizedOn { get; init; }
    public string RandomizedBy { get; init; } = "";
    public string ProtocolHash { get; init; } = "";
}
