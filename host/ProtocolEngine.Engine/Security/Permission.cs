namespace ProtocolEngine.Engine.Security;

/// <summary>One kind of work a command does.</summary>
public enum Permission
{
    ReadRecords,
    ManageUsers,
    AcceptAmendment,
    RegisterParticipant,
    Screen,
    Randomize,
    RecordTreatment,
    RecordAssessment,
    RecordSafety,
    Withdraw,
    Export,
    ViewRandomizationList,

    /// <summary>Enter the allocation secret (seed, block sizes) into the database, sealed (`randomization seal`).</summary>
    SealRandomization,
}
