using ProtocolEngine.Engine.Audit;
using ProtocolEngine.Engine.Storage;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Security;

/// <summary>
/// Failed password logins are counted per user name in the database (so the count holds across processes),
/// each failure audited with the name tried: after <see cref="FreeFailures"/> failures in a row the next
/// attempt must wait a delay that doubles with each further failure (1 s, 2 s, 4 s, ... at most
/// <see cref="MaxDelay"/>), and after <see cref="LockAfter"/> the name is locked until an administrator
/// lifts it (<see cref="Unlock"/>, `protocol-engine user unlock NAME`). A successful login of a writing
/// command clears the count.
/// </summary>
public static class LoginThrottle
{
    public const int FreeFailures = 3;
    public const int LockAfter = 10;
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(5);

    /// <summary>Longest user name kept: a longer one is kept by its first characters.</summary>
    private const int MaxNameLength = 128;

    /// <summary>How long after the last of <paramref name="failures"/> failures in a row the next attempt must wait.</summary>
    public static TimeSpan DelayAfter(int failures) =>
        failures < FreeFailures ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(MaxDelay.TotalSeconds, Math.Pow(2, failures - FreeFailures)));

    /// <summary>Refuses (before any password is checked) a name that is locked or still within its delay.</summary>
    public static void Check(IRecordStore store, string userName, TimeProvider clock)
    {
        var failures = store.Read(r => r.Find<LoginFailures>(Key(userName)));
        if (failures is null)
            return;
        if (failures.LockedUtc is { } locked)
            throw new AuthenticationException($"Logins as '{userName}' are locked after {failures.Count} failed attempts (since {locked:yyyy-MM-dd HH:mm} UTC); "
                + $"an administrator lifts it with `protocol-engine user unlock {userName}`.");
        var next = failures.LastUtc + DelayAfter(failures.Count);
        if (clock.GetUtcNow() < next)
            throw new AuthenticationException($"{failures.Count} failed logins in a row as '{userName}': the next attempt may come at {next:HH:mm:ss} UTC; "
                + $"after {LockAfter} the name is locked.");
    }

    /// <summary>Counts a failed login of <paramref name="userName"/> (audited as that name, action `login-failed`); locks it at <see cref="LockAfter"/>.</summary>
    public static LoginFailures RecordFailure(IRecordStore store, string userName, TimeProvider clock) => store.Write(w =>
    {
        var audited = new AuditedWriter(w, Key(userName), w.GetMeta(TrialDatabase.CurrentVersionKey) ?? "", clock);
        var saved = w.Find<LoginFailures>(Key(userName));
        var count = (saved?.Count ?? 0) + 1;
        var updated = new LoginFailures
        {
            Id = Key(userName), Count = count, LastUtc = audited.Now, LockedUtc = saved?.LockedUtc ?? (count >= LockAfter ? audited.Now : null),
        };
        var reason = count >= LockAfter ? $"unknown user or wrong password; locked after {count} failures" : "unknown user or wrong password";
        return saved is null ? audited.Create(updated, "login-failed", reason) : audited.Change(saved, updated, "login-failed", reason);
    });

    /// <summary>Clears the count after a successful login (audited `login-reset`); nothing is written when there was none.</summary>
    public static void Reset(IRecordStore store, string userId, TimeProvider clock, UserKeys? keys = null) => store.Write(w =>
    {
        var saved = w.Find<LoginFailures>(Key(userId));
        if (saved is null || saved.Count == 0)
            return 0;
        var audited = new AuditedWriter(w, userId, w.GetMeta(TrialDatabase.CurrentVersionKey) ?? "", clock);
        audited.Change(saved, saved with { Count = 0, LockedUtc = null }, "login-reset", "successful login");
        if (keys is not null) audited.Sign(keys);
        return 0;
    });

    /// <summary>An administrator lifts the lock (and the count) of a user name; audited `user-unlock` as the administrator.</summary>
    public static LoginFailures Unlock(TrialSession session, string userName) => session.Write(Permission.ManageUsers, w =>
    {
        var saved = w.Reader.Find<LoginFailures>(Key(userName));
        if (saved is null || (saved.Count == 0 && saved.LockedUtc is null))
            throw new RecordRejectedException("user", $"'{userName}' has no failed logins to clear.");
        return w.Change(saved, saved with { Count = 0, LockedUtc = null }, "user-unlock", $"unlocked by {session.User.Id}");
    });

    private static string Key(string userName) => userName.Length <= MaxNameLength ? userName : userName[..MaxNameLength];
}
