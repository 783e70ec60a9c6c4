namespace ProtocolEngine.Engine.Security;

/// <summary>
/// Which role may do what. The monitor reads and writes nothing; only the statistician and the
/// administrator see the randomization list (coordinators and investigators see only the arm of
/// the participant they randomize).
/// </summary>
public static class RolePolicy
{
    private static readonly IReadOnlyDictionary<Role, HashSet<Permission>> Grants = new Dictionary<Role, HashSet<Permission>>
    {
        [Role.Administrator] = [.. Enum.GetValues<Permission>()],
        [Role.Coordinator] = [Permission.ReadRecords, Permission.RegisterParticipant, Permission.Screen, Permission.Randomize,
            Permission.RecordTreatment, Permission.RecordAssessment, Permission.RecordSafety, Permission.Export],
        [Role.Investigator] = [Permission.ReadRecords, Permission.RegisterParticipant, Permission.Screen, Permission.Randomize,
            Permission.RecordTreatment, Permission.RecordAssessment, Permission.RecordSafety, Permission.Withdraw, Permission.Export],
        [Role.Statistician] = [Permission.ReadRecords, Permission.Export, Permission.ViewRandomizationList, Permission.SealRandomization],
        [Role.Monitor] = [Permission.ReadRecords, Permission.Export],
    };

    public static bool Allows(Role role, Permission permission) => Grants[role].Contains(permission);

    public static void Demand(UserAccount user, Permission permission)
    {
        if (!Allows(user.Role, permission))
            throw new AccessDeniedException(user.Id, user.Role, permission);
    }
}
