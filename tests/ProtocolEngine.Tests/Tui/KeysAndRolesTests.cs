using ProtocolEngine.Engine.Security;
using ProtocolEngine.Engine.Workspace;
using ProtocolEngine.Tui.Screens;
using Terminal.Gui.Input;

namespace ProtocolEngine.Tests.Tui;

/// <summary>Issue 12.3-12.5: F1, Ctrl+G, / filters, Ctrl+Q asks when input is unsaved, the monitor reads only, resizing.</summary>
public sealed class KeysAndRolesTests
{
    private static TuiHarness WithParticipants()
    {
        var ui = new TuiHarness().WithDatabase();
        ui.Seed(w =>
        {
            w.Register(new RegistrationRequest("mianyang", "AB", new DateOnly(1960, 1, 2), "male", new DateOnly(2026, 1, 5)));
            w.Register(new RegistrationRequest("mianyang", "CD", new DateOnly(1970, 5, 6), "female", new DateOnly(2026, 1, 5)));
            return w.Register(new RegistrationRequest("mianyang", "EF", new DateOnly(1955, 7, 8), "female", null));
        });
        return ui;
    }

    [Fact]
    public void F1_lists_the_keys_of_the_current_screen_and_Esc_closes_it()
    {
        using var ui = new TuiHarness().WithDatabase();
        ui.Start();
        ui.SignIn().Press(Key.F1);
        var help = ui.Screen();
        Assert.Contains("Keys: dashboard", help);
        Assert.Contains("refresh (changes from other users and the CLI)", help);
        Assert.Contains("go to a participant by id", help);
        ui.Press(Key.Esc);
        Assert.DoesNotContain("Keys: dashboard", ui.Screen());

        ui.Press(Key.F3, Key.F1);
        Assert.Contains("Keys: participants", ui.Screen());
        Assert.Contains("add (register) a participant", ui.Screen());
    }

    [Fact]
    public void Slash_filters_the_list_by_id_initials_or_status()
    {
        using var ui = WithParticipants();
        ui.Start();
        ui.SignIn().Press(Key.F3);
        Assert.Contains("3 participants", ui.Screen());
        ui.Type("/CD");
        var screen = ui.Screen();
        Assert.Contains("1 participant", screen);
        Assert.Contains("mianyang-002", screen);
        Assert.DoesNotContain("mianyang-001", screen);
        ui.Press(Key.Enter, Key.Enter);
        Assert.IsType<ParticipantScreen>(ui.Shell.Current);
        Assert.Contains("participant mianyang-002", ui.Screen());
    }

    [Fact]
    public void Ctrl_G_offers_the_matching_ids_and_opens_the_page()
    {
        using var ui = WithParticipants();
        ui.Start();
        ui.SignIn().Press(Key.G.WithCtrl).Type("MIAN");
        var offered = ui.Screen();
        Assert.Contains("mianyang-001", offered);
        Assert.Contains("mianyang-002", offered);
        ui.Type("YANG-00").Press(Key.Tab);
        Assert.Contains("mianyang-001", ui.Screen());
        ui.Press(Key.Enter);
        Assert.Equal("participant mianyang-001", ui.Shell.Current!.ScreenName);
    }

    [Fact]
    public void Ctrl_Q_asks_first_when_typed_input_is_unsaved_and_n_stays()
    {
        using var ui = new TuiHarness().WithDatabase();
        ui.Start();
        ui.SignIn().Press(Key.F3).Type("a").Type("GH");
        ui.Press(Key.Q.WithCtrl);
        Assert.Contains("What you typed here is not saved", ui.Screen());
        ui.Type("n");
        Assert.DoesNotContain("What you typed here is not saved", ui.Screen());
        Assert.IsType<RegisterScreen>(ui.Shell.Current);
        Assert.Contains("GH", ui.Screen());
    }

    [Fact]
    public void A_monitor_sees_the_participants_but_no_action_that_changes_them()
    {
        using var ui = WithParticipants();
        ui.AddUser("mon", Role.Monitor, "monitor password");
        ui.Start();
        ui.SignIn("mon", "monitor password").Press(Key.F3);
        Assert.Contains("3 participants", ui.Screen());
        ui.Press(Key.F1);
        var help = ui.Screen();
        Assert.DoesNotContain("add (register)", help);
        Assert.DoesNotContain("screen the selected", help);
        ui.Press(Key.Esc).Type("a");
        Assert.IsType<ParticipantsScreen>(ui.Shell.Current);
        ui.Type("s");
        Assert.IsType<ParticipantsScreen>(ui.Shell.Current);
        ui.Press(Key.Enter).Type("r");
        Assert.IsType<ParticipantScreen>(ui.Shell.Current);
        Assert.Contains("mon (monitor)", ui.Screen());
    }

    [Fact]
    public void Every_screen_fits_80x24_and_survives_resizing()
    {
        using var ui = WithParticipants();
        ui.Start(80, 24);
        ui.SignIn();
        Assert.Contains("of 66 randomized", ui.Screen());
        Assert.Contains("Ctrl+Q Quit", ui.Screen());
        foreach (var keys in new[] { new[] { Key.F3 }, [Key.Enter], [Key.S], [Key.F2] })
        {
            ui.Press(keys);
            foreach (var (w, h) in new[] { (80, 24), (40, 10), (20, 5), (132, 43), (80, 24) })
            {
                ui.Resize(w, h);
                Assert.False(string.IsNullOrWhiteSpace(ui.Screen()));
            }
            Assert.Contains("F1 Help", ui.Screen());
        }
    }
}
