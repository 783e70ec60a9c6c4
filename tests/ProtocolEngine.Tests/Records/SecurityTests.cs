using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.FollowUp;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Engine.Audit;
using ProtocolEngine.Tests.Records.Support;

namespace ProtocolEngine.Tests.Records;

public class SecurityTests
{
    [Fact]
    public void Passwords_are_pbkdf2_sha256_with_a_salt_per_user()
    {
        var a = PasswordHasher.Create("ann", Role.Coordinator, "correct horse");
        var b = PasswordHasher.Create("bob", Role.Coordinator, "correct horse");
        Assert.Equal(PasswordHasher.DefaultIterations, a.Iterations);
        Assert.NotEqual(a.Salt, b.Salt);
        Assert.NotEqual(a.PasswordHash, b.PasswordHash);
        Assert.True(PasswordHasher.Verify(a, "correct horse"));
        Assert.False(PasswordHasher.Verify(a, "correct horsE"));
        Assert.Throws<RecordRejectedException>(() => PasswordHasher.Create("c", Role.Monitor, "short"));
    }

    [Fact]
    public void Wrong_password_or_unknown_user_is_refused()
    {
        using var t = new TrialFixture();
        Assert.Throws<AuthenticationException>(() => TrialDatabase.Open(t.Store, t.Protocol, "admin", "nope-nope-nope", t.Clock));
        Assert.Throws<AuthenticationException>(() => TrialDatabase.Open(t.Store, t.Protocol, "ghost", TrialFixture.Password, t.Clock));
    }

    [Fact]
    public void The_audit_trail_never_holds_salt_or_hash()
    {
        using var t = new TrialFixture();
        var entries = t.Store.Read(r => r.AuditEntries());
        var user = t.Store.Read(r => r.Find<UserAccount>("monitor"))!;
        Assert.DoesNotContain(entries, e => (e.NewValue ?? "").Contains(user.PasswordHash) || (e.NewValue ?? "").Contains(user.Salt));
    }

    [Fact]
    public void The_monitor_writes_nothing()
    {
        using var t = new TrialFixture();
        var p = t.Enrol();
        var monitor = t.As("monitor");
        var before = t.Store.Read(r => r.AuditEntries().Count);
        Assert.Throws<AccessDeniedException>(() => new ParticipantService(monitor).Register("mch", null, "CD", 1950, Sex.Male, null));
        Assert.Throws<AccessDeniedException>(() => new TreatmentService(monitor).Record(p.Id, t.Today, false));
        Assert.Throws<AccessDeniedException>(() => new WithdrawalService(monitor).Withdraw(p.Id, "D1", t.Today, ""));
        Assert.Throws<AccessDeniedException>(() => new UserService(monitor).Add("eve", Role.Administrator, TrialFixture.Password));
        Assert.Equal(before, t.Store.Read(r => r.AuditEntries().Count));
        Assert.Single(new ParticipantService(monitor).List());
    }

    [Fact]
    public void Only_statistician_and_administrator_see_the_randomization_list()
    {
        using var t = new TrialFixture();
        t.Enrol();
        foreach (var user in new[] { "coordinator", "investigator", "monitor" })
            Assert.Throws<AccessDeniedException>(() => new RandomizationService(t.As(user), new AlternatingAllocator()).List());
        Assert.Single(new RandomizationService(t.As("statistician"), new AlternatingAllocator()).List());
        Assert.Single(new RandomizationService(t.As("admin"), new AlternatingAllocator()).List());
        Assert.All(new AuditService(t.As("coordinator")).Show().Where(e => e.Collection == "randomizations"), e => Assert.Equal("(concealed)", e.NewValue));
    }

    [Fact]
    public void Roles_do_only_their_own_work()
    {
        // Coordinators record fractions, visits, pain scores and adverse events (the brief); the decision
        // to withdraw a participant is the investigators'.
        Assert.True(RolePolicy.Allows(Role.Coordinator, Permission.RecordSafety));
        Assert.False(RolePolicy.Allows(Role.Coordinator, Permission.Withdraw));
        Assert.False(RolePolicy.Allows(Role.Coordinator, Permission.ManageUsers));
        Assert.False(RolePolicy.Allows(Role.Statistician, Permission.Randomize));
        Assert.False(RolePolicy.Allows(Role.Investigator, Permission.ManageUsers));
        Assert.True(RolePolicy.Allows(Role.Investigator, Permission.RecordSafety));
        Assert.All(Enum.GetValues<Permission>().Where(p => p is not (Permission.ReadRecords or Permission.Export)),
            p => Assert.False(RolePolicy.Allows(Role.Monitor, p)));
    }
}
