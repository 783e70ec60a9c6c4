using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ProtocolEngine.Tui.Screens;

/// <summary>The first run: no database yet. Creates it, its key (shown once) and the administrator.</summary>
public sealed class FirstRunScreen : Screen
{
    private readonly TextField _user;
    private readonly TextField _password;
    private readonly TextField _repeat;

    public FirstRunScreen(Shell shell) : base(shell)
    {
        Add(new PlainLabel { X = 1, Y = 0, Width = Dim.Fill(1), Text = $"No trial database yet. This creates\n  {shell.Opener.DatabasePath}\n"
            + (shell.Opener.KeyGiven ? "encrypted with the key PROTOCOL_ENGINE_DB_KEY gives," : "encrypted with a new key (shown once, next),")
            + " and its first administrator." });
        _user = FormRow.Add(this, 4, "Administrator", 16, text: shell.Opener.DefaultUser ?? "admin");
        _password = FormRow.Add(this, 5, "Password", 16, secret: true);
        _repeat = FormRow.Add(this, 6, "Repeat password", 16, secret: true);
        Add(new PlainLabel { X = 1, Y = 8, Text = "Enter creates the database." });
    }

    public override string ScreenName => "first run";

    public override IReadOnlyList<KeyHelp> Keys => [new("Enter", "create the database and the administrator")];

    public override bool HasUnsavedInput => _password.Text.Length > 0;

    public override void Shown() => _password.SetFocus();

    public override bool OnScreenKey(Key key)
    {
        if (key != Key.Enter) return false;
        if (_password.Text != _repeat.Text)
        {
            Shell.Say("! The two passwords differ; type the same password twice.");
            _repeat.SetFocus();
            return true;
        }
        Shell.Try(() =>
        {
            var created = Shell.Opener.Create(_user.Text.Trim(), _password.Text);
            Shell.Show(new DatabaseCreatedScreen(Shell, created, _password.Text));
        });
        return true;
    }
}
