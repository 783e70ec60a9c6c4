using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Security;

/// <summary>Adds users (administrators only).</summary>
public sealed class UserService(TrialSession session)
{
    public UserAccount Add(string userId, Role role, string password, int iterations = PasswordHasher.DefaultIterations)
    {
        UserIdRule.Check(userId);
        var account = PasswordHasher.Create(userId, role, password, iterations);
        return session.Write(Permission.ManageUsers, w =>
        {
            if (w.Reader.Find<UserAccount>(userId) is not null)
                throw new RecordRejectedException("user", $"A user '{userId}' already exists.");
            return w.Create(account, "user-add");
        });
    }

    public IReadOnlyList<UserAccount> List() => session.Read(Permission.ManageUsers, r => r.All<UserAccount>());
}
