using System.Security.Cryptography;
using System.Text;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Audit;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Storage.LiteDb;
using ProtocolEngine.Tests.Records.Support;

namespace ProtocolEngine.Tests.Security;

/// <summary>`protocol-engine login` / `logout` through the real command line (P6 point 5).</summary>
public class LoginTests
{
    private static CliHarness LoggedIn(params string[] loginArgs)
    {
        var h = new CliHarness();
        h.Ok("init");
        h.Ok(["login", .. loginArgs]);
        return h;
    }

    private static void NoPassword(CliHarness h)
    {
        h.Env.Remove("PROTOCOL_ENGINE_PASSWORD");
        h.Env.Remove("PROTOCOL_ENGINE_USER");
    }

    private static string TokenPath(CliHarness h) => LoginFile.For(h.DbPath, name => h.Env.GetValueOrDefault(name)).Path;

    private static T InStore<T>(CliHarness h, Func<IRecordStore, T> read)
    {
        using var store = LiteRecordStore.Open(h.DbPath, TrialFixture.Key);
        return read(store);
    }

    private static readonly string[] Add = ["participant", "add", "--site", "mch", "--initials", "AB", "--birth-year", "1961", "--sex", "female", "--consent-date", "2026-09-07"];

    [Fact]
    public void After_login_commands_need_no_password_and_write_as_the_logged_in_user()
    {
        using var h = LoggedIn();
        NoPassword(h);
        h.Ok(Add);
        Assert.Contains("mch-", h.Ok("participant", "list"));
        var trail = InStore(h, s => s.Read(r => r.AuditEntries()));
        Assert.Equal(("participant-add", "admin"), (trail[^2].Action, trail[^2].User));
        // The token opened the user's keys: the command's transaction is signed by the logged-in user.
        Assert.Equal(("sign", "admin"), (trail[^1].Action, trail[^1].User));
    }

    [Fact]
    public void Without_password_or_login_the_command_is_refused_and_names_login()
    {
        using var h = new CliHarness();
        h.Ok("init");
        NoPassword(h);
        Assert.Contains("protocol-engine login", h.Refused("participant", "list"));
    }

    [Fact]
    public void Logout_revokes_the_token_removes_the_file_and_both_are_audited()
    {
        using var h = LoggedIn();
        var token = File.ReadAllText(TokenPath(h));
        Assert.Contains("Logged out", h.Ok("logout"));
        Assert.False(File.Exists(TokenPath(h)));

        // The revoked token put back (a copy someone kept) no longer works.
        File.WriteAllText(TokenPath(h), token);
        NoPassword(h);
        var refused = h.Refused("participant", "list");
        Assert.Contains("logout", refused);
        Assert.Contains("run `protocol-engine login`", refused);

        var trail = InStore(h, s => s.Read(r => r.AuditEntries()));
        var login = Assert.Single(trail, e => e.Action == "login");
        var logout = Assert.Single(trail, e => e.Action == "logout");
        Assert.Equal(("admin", "admin", login.RecordId), (login.User, logout.User, logout.RecordId));
        Assert.Equal("sessions", logout.Collection);
        Assert.Equal(h.Clock.Now, logout.TimestampUtc);
    }

    [Fact]
    public void A_login_expires_after_its_duration_on_the_injected_clock()
    {
        using var h = LoggedIn("--for", "2h");
        NoPassword(h);
        var start = h.Clock.Now;
        h.Clock.Now = start.AddHours(2).AddSeconds(-1);
        h.Ok("participant", "list");
        h.Clock.Now = start.AddHours(2);
        var refused = h.Refused("participant", "list");
        Assert.Contains("expired", refused);
        Assert.Contains("run `protocol-engine login`", refused);
    }

    [Fact]
    public void The_default_login_lasts_8_hours()
    {
        using var h = LoggedIn();
        var session = Assert.Single(InStore(h, s => s.Read(r => r.All<LoginSession>())));
        Assert.Equal(TimeSpan.FromHours(8), session.ExpiresUtc - session.CreatedUtc);
    }

    [Theory]
    [InlineData("13h")]
    [InlineData("12h1m")]
    [InlineData("0m")]
    [InlineData("two hours")]
    public void Login_durations_beyond_12_hours_or_unreadable_are_refused(string duration)
    {
        using var h = new CliHarness();
        h.Ok("init");
        Assert.Contains("--for", h.Refused("login", "--for", duration));
        Assert.False(File.Exists(TokenPath(h)));
    }

    [Fact]
    public void The_token_file_is_owner_only_and_the_database_holds_only_the_token_hash()
    {
        using var h = LoggedIn();
        var path = TokenPath(h);
        Assert.StartsWith(h.StateDir, path);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        }
        var token = File.ReadAllText(path).Trim();
        Assert.Equal(32, Base64UrlDecodedLength(token));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));

        var (sessions, trail) = InStore(h, s => s.Read(r => (r.All<LoginSession>(), r.AuditEntries())));
        var session = Assert.Single(sessions);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), session.Id);
        Assert.DoesNotContain(trail, e => $"{e.RecordId}{e.OldValue}{e.NewValue}{e.Reason}".Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(token, Encoding.Latin1.GetString(File.ReadAllBytes(h.DbPath)), StringComparison.Ordinal);
    }

    private static int Base64UrlDecodedLength(string token) =>
        Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + new string('=', (4 - token.Length % 4) % 4)).Length;

    [Fact]
    public void A_tampered_token_is_refused_and_a_password_still_takes_precedence()
    {
        using var h = LoggedIn();
        var path = TokenPath(h);
        var token = File.ReadAllText(path).Trim();
        File.WriteAllText(path, (token[0] == 'A' ? 'B' : 'A') + token[1..]);
        h.Ok("participant", "list"); // PROTOCOL_ENGINE_PASSWORD is set: the token is not consulted
        NoPassword(h);
        var refused = h.Refused("participant", "list");
        Assert.Contains("not one of", refused);
        Assert.Contains("run `protocol-engine login`", refused);
    }

    [Fact]
    public void A_token_of_another_database_is_refused()
    {
        using var a = LoggedIn();
        using var b = new CliHarness();
        b.Ok("init");
        var bPath = TokenPath(b);
        Directory.CreateDirectory(Path.GetDirectoryName(bPath)!);
        File.Copy(TokenPath(a), bPath);
        NoPassword(b);
        Assert.Contains("not one of", b.Refused("participant", "list"));
    }

    [Fact]
    public void A_user_disabled_or_demoted_after_login_loses_access_at_once()
    {
        using var h = new CliHarness();
        h.Ok("init");
        h.Env["CO_PW"] = "coordinator-pw";
        h.Ok("user", "add", "--name", "coord", "--role", "coordinator", "--password-env", "CO_PW");
        h.Env["PROTOCOL_ENGINE_USER"] = "coord";
        h.Env["PROTOCOL_ENGINE_PASSWORD"] = "coordinator-pw";
        h.Ok("login");
        NoPassword(h);
        h.Ok(Add);

        ChangeUser(h, u => u with { Role = Role.Monitor });
        Assert.Contains("'coord' (monitor) may not do this", h.Refused(Add));
        h.Ok("participant", "list");

        ChangeUser(h, u => u with { Active = false });
        Assert.Contains("no longer active", h.Refused("participant", "list"));
    }

    private static void ChangeUser(CliHarness h, Func<UserAccount, UserAccount> change) => InStore(h, s => s.Write(w =>
    {
        var saved = w.Find<UserAccount>("coord")!;
        return new AuditedWriter(w, "admin", "test", h.Clock).Change(saved, change(saved), "user-change", "test: the administrator changes the user");
    }));

    [Fact]
    public void A_login_of_another_user_than_PROTOCOL_ENGINE_USER_is_refused()
    {
        using var h = LoggedIn();
        h.Env.Remove("PROTOCOL_ENGINE_PASSWORD");
        h.Env["PROTOCOL_ENGINE_USER"] = "someone";
        Assert.Contains("PROTOCOL_ENGINE_USER is 'someone'", h.Refused("participant", "list"));
    }

    [Fact]
    public void Logout_without_a_login_changes_nothing()
    {
        using var h = new CliHarness();
        h.Ok("init");
        var before = InStore(h, s => s.Read(r => r.AuditEntries().Count));
        Assert.Contains("No login", h.Ok("logout"));
        Assert.Equal(before, InStore(h, s => s.Read(r => r.AuditEntries().Count)));
    }
}
