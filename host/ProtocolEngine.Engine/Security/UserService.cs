using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Security;

/// <summary>Adds users (administrators only).</summary>
public sealed class UserService(TrialSession session)
{
    /// <summary>Adds a user with new keys wrapped under the password (the transaction is signed by the administrator).</summary>
    public UserAccount Add(string userId, Role role, string password, int iterations = PasswordHasher.DefaultIterations) =>
        AddWithKeys(userId, role, password, iterations).Account;

    /// <summary>As <see cref="Add"/>, with the new user's keys open for the caller (the demo signs as its users).</summary>
    public (UserAccount Account, UserKeys Keys) AddWithKeys(string userId, Role role, string password, int iterations = PasswordHasher.DefaultIterations)
    {
        UserIdRule.Check(userId);
        var (account, keys) = PasswordHasher.CreateWithKeys(userId, role, password, iterations);
        // A user who may randomize gets the randomization key from an adder who holds it.
        if (Randomization.SealedAllocation.Holds(role) && session.Keys?.RandomizationKey is { } randomization)
        {
            account = Randomization.SealedAllocation.Give(account, randomization);
            keys.RandomizationKey = randomization;
        }
        var added = session.Write(Permission.ManageUsers, w =>
        {
            if (w.Reader.Find<UserAccount>(userId) is not null)
                throw new RecordRejectedException("user", $"A user '{userId}' already exists.");
            return w.Create(account, "user-add");
        });
        return (added, keys);
    }

    public IReadOnlyList<UserAccount> List() => session.Read(Permission.ManageUsers, r => r.All<UserAccount>());
}
