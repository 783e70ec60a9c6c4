using ProtocolEngine.Engine.Audit;
using ProtocolEngine.Engine.Storage;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Security;

/// <summary>
/// Short-lived logins: `login` stores a session under the token's hash (audited), a later command proves
/// itself with the token instead of the password, `logout` revokes it (audited). Every use re-reads the
/// user, so a disabled user or a changed role takes effect at once.
/// </summary>
public static class LoginService
{
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromHours(8);
    public static readonly TimeSpan MaximumDuration = TimeSpan.FromHours(12);
    public const string RunLogin = "run `protocol-engine login`";

    /// <summary>Starts a login for the session's (password-authenticated) user; returns the token, which is stored nowhere here.</summary>
    public static (string Token, LoginSession Record) Login(TrialSession session, TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero || duration > MaximumDuration)
            throw new RecordRejectedException("--for", $"A login lasts more than 0 and at most {MaximumDuration.TotalHours:0} hours; '{duration}' is outside that.");
        var token = LoginToken.New();
        var record = session.Store.Write(w =>
        {
            var audited = new AuditedWriter(w, session.User.Id, session.ProtocolHash, session.Clock);
            var created = audited.Create(new LoginSession
            {
                Id = LoginToken.Hash(token), UserId = session.User.Id, CreatedUtc = audited.Now, ExpiresUtc = audited.Now + duration,
                WrappedKeys = session.Keys?.Wrap(LoginToken.WrapKey(token)),
            }, "login");
            if (session.Keys is { } keys) audited.Sign(keys);
            return created;
        });
        return (token, record);
    }

    /// <summary>The active user the token belongs to; refuses an unknown, revoked or expired token, or a disabled user.</summary>
    public static UserAccount Authenticate(IRecordStore store, string token, TimeProvider clock) => Unlock(store, token, clock).User;

    /// <summary>Like <see cref="Authenticate"/>, with the user's keys opened with the token (null for a login made without keys).</summary>
    public static (UserAccount User, UserKeys? Keys) Unlock(IRecordStore store, string token, TimeProvider clock)
    {
        var (login, user) = store.Read(r =>
        {
            var l = r.Find<LoginSession>(LoginToken.Hash(token));
            return (l, l is null ? null : r.Find<UserAccount>(l.UserId));
        });
        if (login is null)
            throw new AuthenticationException($"The login token is not one of '{store.Location}' (changed, or from another database); {RunLogin}.");
        if (login.RevokedUtc is not null)
            throw new AuthenticationException($"The login of '{login.UserId}' was ended by logout; {RunLogin}.");
        if (clock.GetUtcNow() >= login.ExpiresUtc)
            throw new AuthenticationException($"The login of '{login.UserId}' expired at {login.ExpiresUtc:yyyy-MM-dd HH:mm} UTC; {RunLogin}.");
        if (user is null || !user.Active)
            throw new AuthenticationException($"The user '{login.UserId}' of this login is no longer active; ask an administrator.");
        if (login.WrappedKeys is null)
            return (user, null);
        var keys = UserKeys.Unwrap(user.Id, login.WrappedKeys, LoginToken.WrapKey(token));
        if (keys is null || keys.SigningKey != user.SigningKey)
            throw new AuthenticationException($"The keys of the login of '{login.UserId}' do not match the user's record: the database was changed outside the trail; "
                + "run `protocol-engine audit verify`, then " + RunLogin + ".");
        return (user, keys);
    }

    /// <summary>Revokes the token's login (audited as its user); false when the database knows no open login for it.</summary>
    public static bool Logout(IRecordStore store, string token, string protocolHash, TimeProvider clock) => store.Write(w =>
    {
        var login = w.Find<LoginSession>(LoginToken.Hash(token));
        if (login is null || login.RevokedUtc is not null) return false;
        var audited = new AuditedWriter(w, login.UserId, protocolHash, clock);
        audited.Change(login, login with { RevokedUtc = audited.Now }, "logout", "logout");
        if (UserKeys.Unwrap(login.UserId, login.WrappedKeys, LoginToken.WrapKey(token)) is { } keys) audited.Sign(keys);
        return true;
    });
}
