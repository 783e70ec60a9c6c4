using ProtocolEngine.Engine.Workspace;
using ProtocolEngine.Tui.Screens;
using Terminal.Gui.Input;

namespace ProtocolEngine.Tests.Tui;

/// <summary>Issue 12.2 (participants, screening form, randomize) through real keys against a real database.</summary>
public sealed class ScreeningFlowTests
{
    private static void TypeEligibleAnswers(TuiHarness ui)
    {
        var screen = Assert.IsType<ScreeningScreen>(ui.Shell.Current);
        var answers = TuiHarness.EligibleAnswers();
        // Field by field, as a coordinator does: type the value (or nothing), Enter to the next field.
        var fields = ui.Shell.Trial.ScreeningForm(CurrentId(ui)).Fields;
        foreach (var f in fields)
        {
            Assert.Equal(f.Id, screen.Field.Id);
            ui.Enter(answers.GetValueOrDefault(f.Id, ""));
        }
    }

    private static string CurrentId(TuiHarness ui) => ui.Shell.Current!.ScreenName.Split(' ')[^1];

    [Fact]
    public void Adding_screening_and_randomizing_a_participant_shows_each_step_and_stores_it()
    {
        using var ui = new TuiHarness().WithDatabase();
        ui.Start();
        ui.SignIn().Press(Key.F3);
        Assert.Contains("0 participants", ui.Screen());

        ui.Type("a");
        Assert.IsType<RegisterScreen>(ui.Shell.Current);
        ui.Enter("ZL").Enter("1962-03-14").Enter("female").Enter();
        Assert.Contains("Registered participant mianyang-001", ui.Screen());
        Assert.IsType<ScreeningScreen>(ui.Shell.Current);
        Assert.Contains("mianyang-001: incomplete", ui.Screen());

        TypeEligibleAnswers(ui);
        var screen = ui.Screen();
        Assert.Contains("mianyang-001: eligible (14 of 14 criteria satisfied)", screen);
        Assert.True(ui.Shell.Current!.HasUnsavedInput);

        ui.Press(Key.S.WithCtrl);
        Assert.Contains("Screening stored: eligible", ui.Screen());
        Assert.False(ui.Shell.Current!.HasUnsavedInput);

        ui.Press(Key.R.WithCtrl);
        Assert.IsType<RandomizeScreen>(ui.Shell.Current);
        Assert.Contains("site = mianyang", ui.Screen());
        Assert.Contains("y: randomize now", ui.Screen());
        ui.Type("y");
        var allocated = ui.Screen();
        Assert.Matches("Allocated: (Partial vertebra|Whole vertebra)", allocated);

        // What the screen said is what the database holds.
        var page = ui.Shell.Trial.Participant("mianyang-001");
        Assert.Equal("randomized", page.Participant.Status);
        Assert.True(allocated.Contains($"Allocated: {page.Allocation!.ArmName} ({page.Allocation.ArmId})", StringComparison.Ordinal), allocated);
        Assert.Equal(2, page.TargetVolumes.Count);
        Assert.Equal(10, page.Course!.Days.Count(d => d.Status == "planned"));

        ui.Press(Key.Esc);
        Assert.IsType<ParticipantScreen>(ui.Shell.Current);
        ui.Type("4");
        Assert.Contains("T7: GTV sectors 1,2 -> CTV", ui.Screen());
        ui.Type("2");
        Assert.Contains("✓ IC1   inc met", ui.Screen());
    }

    [Fact]
    public void A_value_out_of_range_gets_its_message_beside_the_field_as_it_is_typed_and_counts_as_missing()
    {
        using var ui = new TuiHarness().WithDatabase();
        var p = ui.Seed(w => w.Register(new RegistrationRequest("mianyang", "AB", new DateOnly(1960, 1, 2), "male", new DateOnly(2026, 1, 5))));
        ui.Start();
        ui.SignIn().Press(Key.G.WithCtrl).Enter(p.Id);
        ui.Type("s");
        Assert.IsType<ScreeningScreen>(ui.Shell.Current);
        ui.Enter().Enter().Enter();
        Assert.Equal("ecog", ((ScreeningScreen)ui.Shell.Current!).Field.Id);
        ui.Type("7");
        var screen = ui.Screen();
        Assert.Contains("! ", screen);
        Assert.Contains("value(s) refused", screen);
        Assert.Contains("? IC3  unknown", screen);
        ui.Press(Key.Backspace).Type("1");
        screen = ui.Screen();
        Assert.DoesNotContain("value(s) refused", screen);
        Assert.Contains("✓ IC3  met", screen);

        // Storing with a refused value is refused, and the values stay.
        ui.Press(Key.Backspace).Type("x").Press(Key.S.WithCtrl);
        Assert.Contains("ecog", ui.Shell.MessageText);
        Assert.True(ui.Shell.Current!.HasUnsavedInput);
        Assert.Null(ui.Shell.Trial.Participant(p.Id).ScreeningStatus);
    }
}
