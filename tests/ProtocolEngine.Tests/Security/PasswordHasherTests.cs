using System.Diagnostics;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Engine.Storage.InMemory;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Tests.Records.Support;

namespace ProtocolEngine.Tests.Security;

public class PasswordHasherTests
{
    [Fact]
    public void New_hashes_use_600000_iterations_the_OWASP_2023_figure()
    {
        // OWASP Password Storage Cheat Sheet, PBKDF2: "600,000 iterations or more using HMAC-SHA-256".
        var a = PasswordHasher.Create("ann", Role.Coordinator, "correct horse");
        Assert.Equal(600_000, a.Iterations);
    }

    [Fact]
    public void Verify_uses_the_iteration_count_stored_with_the_hash()
    {
        // RFC 7914 section 11, PBKDF2-HMAC-SHA-256 (P="Password", S="NaCl", c=80000, dkLen=64); PBKDF2 output
        // blocks are independent, so the first 32 bytes are the dkLen=32 result.
        var expected = Convert.FromHexString("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56");
        var user = new UserAccount
        {
            Id = "rfc", Role = Role.Monitor, Salt = Convert.ToBase64String("NaCl"u8.ToArray()),
            PasswordHash = Convert.ToBase64String(expected), Iterations = 80_000,
        };
        Assert.True(PasswordHasher.Verify(user, "Password"));
        Assert.False(PasswordHasher.Verify(user with { Iterations = 80_001 }, "Password"));
        Assert.False(PasswordHasher.Verify(user, "password"));
    }

    private static (InMemoryRecordStore Store, TestClock Clock) OldDatabase(out ProtocolEngine.Engine.Model.Protocol protocol)
    {
        protocol = TestProtocols.Spine();
        var store = new InMemoryRecordStore();
        var clock = new TestClock(new DateTimeOffset(2026, 9, 7, 9, 0, 0, TimeSpan.Zero));
        TrialDatabase.Initialize(store, protocol, "admin", TrialFixture.Password, clock, iterations: 210_000);
        return (store, clock);
    }

    [Fact]
    public void A_210000_hash_is_upgraded_on_the_next_password_login_as_an_audited_change()
    {
        var (store, clock) = OldDatabase(out var protocol);
        var before = store.Read(r => r.Find<UserAccount>("admin"))!;
        var trail = store.Read(r => r.AuditEntries().Count);

        var session = TrialDatabase.Open(store, protocol, "admin", TrialFixture.Password, clock);
        var after = store.Read(r => r.Find<UserAccount>("admin"))!;
        Assert.Equal((210_000, 600_000), (before.Iterations, after.Iterations));
        Assert.NotEqual(before.PasswordHash, after.PasswordHash);
        Assert.NotEqual(before.Salt, after.Salt);
        Assert.Equal((before.Role, before.Active), (after.Role, after.Active));
        Assert.Equal(600_000, session.User.Iterations);
        Assert.True(PasswordHasher.Verify(after, TrialFixture.Password));

        var entry = store.Read(r => r.AuditEntries()[^2]);
        Assert.Equal(trail + 1, entry.Sequence);
        Assert.Equal("sign", store.Read(r => r.AuditEntries()[^1]).Action);
        Assert.Equal(("user-password-upgrade", "users", "admin", "password hash upgraded"), (entry.Action, entry.Collection, entry.RecordId, entry.Reason));
        Assert.DoesNotContain(after.PasswordHash, entry.NewValue);

        // Upgraded once: the next login changes nothing.
        TrialDatabase.Open(store, protocol, "admin", TrialFixture.Password, clock);
        Assert.Equal(trail + 2, store.Read(r => r.AuditEntries().Count));
    }

    [Fact]
    public void A_read_only_open_or_a_wrong_password_does_not_upgrade()
    {
        var (store, clock) = OldDatabase(out var protocol);
        TrialDatabase.Open(store, protocol, "admin", TrialFixture.Password, clock, upgradeHash: false);
        Assert.Throws<AuthenticationException>(() => TrialDatabase.Open(store, protocol, "admin", "wrong-password", clock));
        Assert.Equal(210_000, store.Read(r => r.Find<UserAccount>("admin"))!.Iterations);
    }

    [Fact]
    public void Unknown_user_and_wrong_password_get_the_same_message_and_both_cost_a_current_strength_KDF()
    {
        var protocol = TestProtocols.Spine();
        var store = new InMemoryRecordStore();
        var clock = new TestClock(new DateTimeOffset(2026, 9, 7, 9, 0, 0, TimeSpan.Zero));
        TrialDatabase.Initialize(store, protocol, "admin", TrialFixture.Password, clock);

        var wrong = Timed(() => TrialDatabase.Open(store, protocol, "admin", "wrong-password", clock));
        var unknown = Timed(() => TrialDatabase.Open(store, protocol, "ghost", "wrong-password", clock));
        Assert.Equal(wrong.Message.Replace("'admin'", "'X'"), unknown.Message.Replace("'ghost'", "'X'"));
        // Without the stand-in derivation an unknown user answers in microseconds, a known one in the KDF's
        // ~0.1-0.3 s; with it the two are of one order (a wide margin, the machine is shared).
        Assert.True(unknown.Elapsed > wrong.Elapsed * 0.3, $"unknown user {unknown.Elapsed}, wrong password {wrong.Elapsed}");
    }

    private static (string Message, TimeSpan Elapsed) Timed(Action open)
    {
        var best = TimeSpan.MaxValue;
        var message = "";
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            message = Assert.Throws<AuthenticationException>(open).Message;
            if (watch.Elapsed < best) best = watch.Elapsed;
        }
        return (message, best);
    }
}
