namespace ProtocolEngine.Engine.Security;

/// <summary>What a user does in the trial; <see cref="RolePolicy"/> maps each role to its permissions.</summary>
public enum Role { Administrator, Coordinator, Investigator, Statistician, Monitor }
