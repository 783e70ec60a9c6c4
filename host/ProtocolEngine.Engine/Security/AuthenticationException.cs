namespace ProtocolEngine.Engine.Security;

/// <summary>Unknown user or wrong password (the message does not say which).</summary>
public sealed class AuthenticationException(string message) : Exception(message);
