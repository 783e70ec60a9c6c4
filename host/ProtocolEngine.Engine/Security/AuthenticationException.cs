namespace ProtocolEngine.Engine.Security;

/// <summary>Unknown user or wrong password (the message does not say which), or a login refused while throttled.</summary>
public sealed class AuthenticationException(string message) : Exception(message)
{
    /// <summary>True when a user name and password were tried and refused: a failed login, which <see cref="LoginThrottle"/> counts.</summary>
    public bool CredentialsRejected { get; init; }
}
