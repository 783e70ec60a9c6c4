using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.FollowUp;

/// <summary>
/// A participant's vital and follow-up status: alive (with the date of last contact), died (date and
/// cause) or lost to follow-up (the date from which they could not be reached). One record per
/// participant; every change is in the audit trail with its reason.
/// </summary>
public sealed record VitalStatusRecord : IRecord
{
    public static string Collection => "vital_status";
    public string Id { get; init; } = "";
    public string ParticipantId { get; init; } = "";
    string? IRecord.ParticipantId => ParticipantId;
    public VitalStatus Status { get; init; }

    /// <summary>Date of death, date lost to follow-up, or (alive) date of last contact.</summary>
    public DateOnly Date { get; init; }
    public DeathCause? Cause { get; init; }

    /// <summary>The last date the participant was known to be alive.</summary>
    public DateOnly LastContact { get; init; }
    public string ProtocolHash { get; init; } = "";

    /// <summary>The date after which no clinical data can exist (death) or none is expected (loss), else null.</summary>
    public DateOnly? FollowUpEnded => Status == VitalStatus.Alive ? null : Date;
}

public enum VitalStatus { Alive, Died, LostToFollowUp }

public enum DeathCause { Disease, TreatmentRelated, Other }
