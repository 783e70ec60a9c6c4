namespace ProtocolEngine.Engine.Security;

/// <summary>The authenticated user's role does not include the work asked for.</summary>
public sealed class AccessDeniedException(string user, Role role, Permission permission)
    : Exception($"User '{user}' ({role.ToString().ToLowerInvariant()}) may not do this: it needs the {permission} permission, which the role does not have.");
