using ProtocolEngine.Engine.Security;
using ProtocolEngine.Storage.LiteDb;
using ProtocolEngine.Tests.Records.Support;

namespace ProtocolEngine.Tests.Security;

/// <summary>
/// Issue 11, point 6: failed logins are audited (the name tried, never the password) and throttled in the
/// database: a delay that doubles after <see cref="LoginThrottle.FreeFailures"/> failures, then a lockout an
/// administrator lifts with `user unlock NAME`. The delay is driven by the harness's fake clock, not by sleeping.
/// </summary>
public sealed class LoginThrottleTests
{
    private const string Wrong = "not-the-password-7f3a";
    private const string LinPassword = "coordinator password";

    private static CliHarness WithLin()
    {
        var h = new CliHarness();
        h.Ok("init");
        h.Env["NEWPW"] = LinPassword;
        h.Ok("user", "add", "--name", "lin", "--role", "coordinator", "--password-env", "NEWPW");
        return h;
    }

    private static string As(CliHarness h, string user, string password, bool ok, params string[] args)
    {
        var (savedUser, savedPassword) = (h.Env["PROTOCOL_ENGINE_USER"], h.Env["PROTOCOL_ENGINE_PASSWORD"]);
        (h.Env["PROTOCOL_ENGINE_USER"], h.Env["PROTOCOL_ENGINE_PASSWORD"]) = (user, password);
        try { return ok ? h.Ok(args) : h.Refused(args); }
        finally { (h.Env["PROTOCOL_ENGINE_USER"], h.Env["PROTOCOL_ENGINE_PASSWORD"]) = (savedUser, savedPassword); }
    }

    private static IReadOnlyList<ProtocolEngine.Engine.Storage.AuditEntry> Trail(CliHarness h)
    {
        using var store = LiteRecordStore.Open(h.DbPath, TrialFixture.Key);
        return store.Read(r => r.AuditEntries());
    }

    [Fact]
    public void A_failed_login_is_audited_with_the_name_tried_and_never_the_password_also_from_a_read_only_command()
    {
        using var h = WithLin();
        As(h, "lin", Wrong, ok: false, "participant", "list");        // read-only
        As(h, "nobody", Wrong, ok: false, "participant", "add", "--site", "mch", "--initials", "AB", "--birth-year", "1961", "--sex", "female", "--consent-date", "2026-09-07");

        var trail = Trail(h);
        var failed = trail.Where(e => e.Action == "login-failed").ToList();
        Assert.Equal(["lin", "nobody"], failed.Select(e => e.User));
        Assert.Equal(["lin", "nobody"], failed.Select(e => e.RecordId));
        Assert.All(trail, e => Assert.DoesNotContain(Wrong, $"{e.OldValue}{e.NewValue}{e.Reason}"));
    }

    [Fact]
    public void An_unknown_name_gets_the_same_message_and_the_same_throttle_as_a_wrong_password()
    {
        using var h = WithLin();
        var known = As(h, "lin", Wrong, ok: false, "participant", "list");
        var unknown = As(h, "nobody", Wrong, ok: false, "participant", "list");
        Assert.Equal(known.Replace("'lin'", "'X'", StringComparison.Ordinal), unknown.Replace("'nobody'", "'X'", StringComparison.Ordinal));
        for (var i = 1; i < LoginThrottle.FreeFailures; i++)
        {
            As(h, "lin", Wrong, ok: false, "participant", "list");
            As(h, "nobody", Wrong, ok: false, "participant", "list");
        }
        Assert.Contains("next attempt may come at", As(h, "lin", Wrong, ok: false, "participant", "list"));
        Assert.Contains("next attempt may come at", As(h, "nobody", Wrong, ok: false, "participant", "list"));
    }

    [Fact]
    public void After_three_failures_the_next_attempt_waits_a_delay_that_doubles()
    {
        using var h = WithLin();
        for (var i = 0; i < LoginThrottle.FreeFailures; i++)
            As(h, "lin", Wrong, ok: false, "participant", "list");

        // Even the right password waits: the delay does not tell a right guess from a wrong one.
        var waiting = As(h, "lin", LinPassword, ok: false, "participant", "list");
        Assert.Contains($"{LoginThrottle.FreeFailures} failed logins in a row as 'lin'", waiting);
        Assert.Contains($"{h.Clock.Now.AddSeconds(1):HH:mm:ss} UTC", waiting);

        h.Clock.Now = h.Clock.Now.AddSeconds(1);
        As(h, "lin", Wrong, ok: false, "participant", "list");      // the 4th failure: the next waits 2 s
        h.Clock.Now = h.Clock.Now.AddSeconds(1);
        Assert.Contains("next attempt may come at", As(h, "lin", LinPassword, ok: false, "participant", "list"));
        h.Clock.Now = h.Clock.Now.AddSeconds(1);
        As(h, "lin", LinPassword, ok: true, "visits", "due", "--date", "2026-09-07");
        // A writing command's successful login clears the count (audited), so the next failure is free again.
        As(h, "lin", LinPassword, ok: true, "participant", "add", "--site", "mch", "--initials", "AB", "--birth-year", "1961", "--sex", "female", "--consent-date", "2026-09-07");
        Assert.Contains(Trail(h), e => e.Action == "login-reset" && e.RecordId == "lin");
        As(h, "lin", Wrong, ok: false, "participant", "list");
        Assert.Contains("Unknown user or wrong password", As(h, "lin", Wrong, ok: false, "participant", "list"));
    }

    [Fact]
    public void Ten_failures_lock_the_name_until_an_administrator_unlocks_it()
    {
        using var h = WithLin();
        for (var i = 0; i < LoginThrottle.LockAfter; i++)
        {
            As(h, "lin", Wrong, ok: false, "participant", "list");
            h.Clock.Now += LoginThrottle.MaxDelay;
        }
        var locked = As(h, "lin", LinPassword, ok: false, "participant", "list");
        Assert.Contains("are locked after 10 failed attempts", locked);
        Assert.Contains("protocol-engine user unlock lin", locked);

        // Only an administrator may lift it.
        Assert.Contains("are locked", As(h, "lin", LinPassword, ok: false, "user", "unlock", "lin"));
        Assert.Contains("Unlocked 'lin'", h.Ok("user", "unlock", "lin"));
        As(h, "lin", LinPassword, ok: true, "participant", "list");

        var unlock = Assert.Single(Trail(h), e => e.Action == "user-unlock");
        Assert.Equal(("admin", "login_failures", "lin"), (unlock.User, unlock.Collection, unlock.RecordId));
        Assert.Contains("may not do this", As(h, "lin", LinPassword, ok: false, "user", "unlock", "lin"));
        Assert.Contains("'nobody' has no failed logins to clear", h.Refused("user", "unlock", "nobody"));
    }

    [Fact]
    public async Task The_lockout_holds_across_two_real_processes()
    {
        using var h = WithLin();
        // Nine failures in-process (at the harness's day in 2026-09, long before the real clock's now) ...
        for (var i = 0; i < LoginThrottle.LockAfter - 1; i++)
        {
            As(h, "lin", Wrong, ok: false, "participant", "list");
            h.Clock.Now += LoginThrottle.MaxDelay;
        }
        var env = new Dictionary<string, string>(h.Env) { ["PROTOCOL_ENGINE_USER"] = "lin", ["PROTOCOL_ENGINE_PASSWORD"] = Wrong };
        string[] list = ["participant", "list", "--protocol", h.ProtocolPath];
        // ... the tenth in one process locks the name ...
        var first = await EngineProcess.RunAsync(env, list);
        Assert.Equal(2, first.Code);
        Assert.Contains("Unknown user or wrong password", first.Err);
        // ... and a second process, with the right password, is refused.
        env["PROTOCOL_ENGINE_PASSWORD"] = LinPassword;
        var second = await EngineProcess.RunAsync(env, list);
        Assert.Equal(2, second.Code);
        Assert.Contains("are locked after 10 failed attempts", second.Err);
    }
}
