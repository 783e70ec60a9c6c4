using System.Globalization;
using ProtocolEngine.Engine.Workspace;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ProtocolEngine.Tui.Screens;

/// <summary>Registers a participant (site, initials, birth date, sex, consent date), then opens their screening form.</summary>
public sealed class RegisterScreen : Screen
{
    private readonly TextField _site;
    private readonly TextField _initials;
    private readonly TextField _birth;
    private readonly TextField _sex;
    private readonly TextField _consent;
    private readonly TextField[] _order;

    public RegisterScreen(Shell shell) : base(shell)
    {
        var info = shell.Trial.Info;
        Add(new PlainLabel { X = 1, Y = 0, Width = Dim.Fill(1), Text = "Register a participant (no full names are stored)." });
        _site = FormRow.Add(this, 2, "Site", 14, text: info.Sites.FirstOrDefault()?.Id ?? "");
        Add(new PlainLabel { X = 17, Y = 3, Width = Dim.Fill(1), Text = "sites: " + string.Join(", ", info.Sites.Take(6).Select(s => s.Id)) + (info.Sites.Count > 6 ? ", ..." : "") });
        _initials = FormRow.Add(this, 4, "Initials", 14);
        _birth = FormRow.Add(this, 5, "Birth date", 14);
        _sex = FormRow.Add(this, 6, "Sex", 14);
        _consent = FormRow.Add(this, 7, "Consent date", 14, text: info.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(new PlainLabel { X = 1, Y = 9, Width = Dim.Fill(1), Text = "Initials: 1-4 capital letters. Dates: yyyy-mm-dd. Sex: female, male or other.\nEnter: next field; on the last one (or Ctrl+S) registers. Esc: back." });
        _order = [_site, _initials, _birth, _sex, _consent];
    }

    public override string ScreenName => "register";

    public override IReadOnlyList<KeyHelp> Keys => [new("Enter", "next field; on the last, register"), new("Ctrl+S", "register"), new("Esc", "back to the participants")];

    public override bool HasUnsavedInput => _initials.Text.Length > 0 || _birth.Text.Length > 0 || _sex.Text.Length > 0;

    public override void Shown() => _initials.SetFocus();

    public override bool OnScreenKey(Key key)
    {
        if (key == Key.Esc) { Shell.Try(() => Shell.Show(new ParticipantsScreen(Shell))); return true; }
        var at = Array.FindIndex(_order, f => f.HasFocus);
        if (key == Key.Enter && at >= 0 && at < _order.Length - 1) { _order[at + 1].SetFocus(); return true; }
        if (key == Key.Enter || key == Key.S.WithCtrl) { Register(); return true; }
        return false;
    }

    private void Register()
    {
        if (!Date(_birth, "birth date", out var born)) return;
        DateOnly? consent = null;
        if (_consent.Text.Trim().Length > 0)
        {
            if (!Date(_consent, "consent date", out var c)) return;
            consent = c;
        }
        Shell.Try(() =>
        {
            var row = Shell.Trial.Register(new RegistrationRequest(_site.Text.Trim(), _initials.Text.Trim(), born, _sex.Text.Trim(), consent));
            Shell.Show(Shell.Trial.Info.CanScreen ? new ScreeningScreen(Shell, row.Id) : new ParticipantScreen(Shell, row.Id));
            Shell.Say($"Registered participant {row.Id}.");
        });
    }

    private bool Date(TextField field, string name, out DateOnly date)
    {
        if (DateOnly.TryParseExact(field.Text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return true;
        Shell.Say($"! {name}: '{field.Text.Trim()}' is not a date written yyyy-mm-dd.");
        field.SetFocus();
        return false;
    }
}
