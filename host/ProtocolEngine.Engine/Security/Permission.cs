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
}
