namespace ProtocolEngine.Engine.Storage;

/// <summary>A stored trial record: one document in a named collection, never deleted.</summary>
public interface IRecord
{
    /// <summary>The collection the record type lives in: letters, digits and '_' only (LiteDB refuses other names; a table name anywhere).</summary>
    static abstract string Collection { get; }

    /// <summary>Unique id within the collection.</summary>
    string Id { get; }

    /// <summary>The participant the record belongs to, if any (used by audit show --participant).</summary>
    string? ParticipantId { get; }

    /// <summary>What the audit trail stores for this record; secrets are left out here.</summary>
    object AuditView() => this;
}
