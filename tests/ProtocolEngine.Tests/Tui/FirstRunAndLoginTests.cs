using ProtocolEngine.Tui.Screens;
using Terminal.Gui.Input;

namespace ProtocolEngine.Tests.Tui;

/// <summary>Issue 12.1: the first run creates the database, its key and the administrator; the login opens the dashboard.</summary>
public sealed class FirstRunAndLoginTests
{
    [Fact]
    public void The_first_run_creates_the_database_shows_its_key_once_and_signs_the_administrator_in()
    {
        using var ui = new TuiHarness(keyInEnvironment: false);
        ui.Start();
        Assert.Contains("No trial database yet", ui.Screen());
        Assert.False(File.Exists(ui.DatabasePath));

        ui.Type("secret pass").Press(Key.Tab).Enter("secret pass");
        var shown = ui.Screen();
        Assert.Contains("The database key (shown only now", shown);
        Assert.True(File.Exists(ui.DatabasePath));
        var key = System.Text.RegularExpressions.Regex.Match(shown, "[0-9a-f]{64}").Value;
        Assert.Equal(64, key.Length);

        ui.Press(Key.Enter);
        Assert.IsType<DashboardScreen>(ui.Shell.Current);
        Assert.Contains("0 of 66 randomized", ui.Screen());
        Assert.Equal("admin", ui.Shell.Trial.Info.UserId);
        ui.Shell.Dispose();

        // The key shown is the database's key: it opens the database, and nothing else does.
        using (ui.Opener().Open(key, "admin", "secret pass")) { }
        Assert.ThrowsAny<Exception>(() => ui.Opener().Open(new string('0', 64), "admin", "secret pass").Dispose());
    }

    [Fact]
    public void Different_passwords_are_refused_and_nothing_is_created()
    {
        using var ui = new TuiHarness();
        ui.Start();
        ui.Type("secret pass").Press(Key.Tab).Enter("other pass");
        Assert.Contains("The two passwords differ", ui.Screen());
        Assert.False(File.Exists(ui.DatabasePath));
        Assert.IsType<FirstRunScreen>(ui.Shell.Current);
    }

    [Fact]
    public void The_login_asks_for_the_key_when_the_environment_gives_none_and_a_wrong_password_keeps_what_was_typed()
    {
        using var ui = new TuiHarness(keyInEnvironment: false);
        var key = ui.Opener().Create("admin", TuiHarness.AdminPassword).GeneratedKey!;
        ui.Start();
        Assert.Contains("Database key", ui.Screen());
        ui.Type("admin").Press(Key.Tab).Type("wrong password").Press(Key.Tab).Enter(key);
        Assert.Contains("Unknown user or wrong password", ui.Screen());
        Assert.IsType<LoginScreen>(ui.Shell.Current);
        Assert.Contains("admin", ui.Screen());
    }

    [Fact]
    public void The_login_opens_the_dashboard()
    {
        using var ui = new TuiHarness().WithDatabase();
        ui.Start();
        Assert.DoesNotContain("Database key", ui.Screen());
        ui.SignIn();
        Assert.IsType<DashboardScreen>(ui.Shell.Current);
        Assert.Contains("dashboard · admin (administrator)", ui.Screen());
    }
}
