using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ProtocolEngine.Tui.Screens;

/// <summary>Sign in: user and password, and the database key when the environment gives none.</summary>
public sealed class LoginScreen : Screen
{
    private readonly TextField _user;
    private readonly TextField _password;
    private readonly TextField? _key;

    public LoginScreen(Shell shell) : base(shell)
    {
        Add(new PlainLabel { X = 1, Y = 0, Width = Dim.Fill(1), Text = $"Sign in to {shell.Opener.DatabasePath}" });
        _user = FormRow.Add(this, 2, "User", 12, text: shell.Opener.DefaultUser ?? "");
        _password = FormRow.Add(this, 3, "Password", 12, secret: true);
        if (!shell.Opener.KeyGiven) _key = FormRow.Add(this, 4, "Database key", 12, secret: true);
        Add(new PlainLabel { X = 1, Y = 6, Text = "Enter signs in." });
    }

    public override string ScreenName => "sign in";

    public override IReadOnlyList<KeyHelp> Keys => [new("Enter", "sign in")];

    public override void Shown() => (_user.Text.Length == 0 ? _user : _password).SetFocus();

    public override bool OnScreenKey(Key key)
    {
        if (key != Key.Enter) return false;
        if (_user.Text.Trim().Length == 0) { Shell.Say("! Type your user id."); _user.SetFocus(); return true; }
        if (_key is not null && _key.Text.Length == 0) { Shell.Say("! Type the database key (or set PROTOCOL_ENGINE_DB_KEY)."); _key.SetFocus(); return true; }
        Shell.Say("Opening the database...");
        if (!Shell.Try(() => Shell.SignedIn(Shell.Opener.Open(_key?.Text, _user.Text.Trim(), _password.Text))))
            _password.SetFocus();
        return true;
    }
}
