using ProtocolEngine.Engine.Workspace;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace ProtocolEngine.Tui.Screens;

/// <summary>After the first run: the generated key, shown this once, and the way on to the trial.</summary>
public sealed class DatabaseCreatedScreen : Screen
{
    private readonly CreatedDatabase _created;
    private readonly string _password;

    public DatabaseCreatedScreen(Shell shell, CreatedDatabase created, string password) : base(shell)
    {
        _created = created;
        _password = password;
        var key = created.GeneratedKey is { } k
            ? $"The database key (shown only now; without it nobody can open the database):\n\n  {k}\n\n"
              + "Write it down or put it in a password manager, then give it to each user, or set\nPROTOCOL_ENGINE_DB_KEY to it."
            : "The database is encrypted with the key PROTOCOL_ENGINE_DB_KEY gives.";
        Add(new PlainLabel { X = 1, Y = 0, Width = Dim.Fill(1), Height = Dim.Fill(), Text =
            $"Created {created.DatabasePath}\nwith administrator '{created.AdminUser}'.\n\n{key}\n\nEnter: sign in as {created.AdminUser}." });
    }

    public override string ScreenName => "database created";

    public override IReadOnlyList<KeyHelp> Keys => [new("Enter", "sign in as the administrator")];

    public override bool OnScreenKey(Key key)
    {
        if (key != Key.Enter) return false;
        Shell.Try(() => Shell.SignedIn(Shell.Opener.Open(_created.GeneratedKey, _created.AdminUser, _password)));
        return true;
    }
}
