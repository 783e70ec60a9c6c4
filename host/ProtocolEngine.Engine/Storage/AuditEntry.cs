namespace ProtocolEngine.Engine.Storage;

/// <summary>
/// One entry of the audit trail: who changed what, when, from which value to which, and why.
/// Hash = SHA-256 over the previous entry's hash and this entry's content (see Audit.AuditHasher).
/// </summary>
public sealed record AuditEntry
{
    public long Sequence { get; init; }
    public DateTimeOffset TimestampUtc { get; init; }
    public string User { get; init; } = "";
    public string Action { get; init; } = "";
    public string Collection { get; init; } = "";
    public string RecordId { get; init; } = "";
    public string? ParticipantId { get; init; }
    public string? OldValue { get; init; }
    public string? NewValue { get; init; }
    public string? Reason { get; init; }
    public string ProtocolHash { get; init; } = "";
    public string PreviousHash { get; init; } = "";
    public string Hash { get; init; } = "";
}
