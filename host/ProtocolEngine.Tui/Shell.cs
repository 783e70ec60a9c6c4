using ProtocolEngine.Engine.Workspace;
using ProtocolEngine.Tui.Screens;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ProtocolEngine.Tui;

/// <summary>
/// The UI's one window: the current screen, a message line and the keys line. It answers the keys that work
/// everywhere (F1 help, F2 dashboard, F3 participants, Ctrl+G go to a participant, Ctrl+Q quit) and holds the
/// workspace once the user has signed in.
/// </summary>
public sealed class Shell : Window
{
    private static readonly Key[] FunctionKeys = [Key.F1, Key.F2, Key.F3, Key.F4, Key.F5, Key.F6, Key.F7, Key.F8, Key.F9, Key.F10, Key.F11, Key.F12];
    private readonly IApplication _app;
    private readonly View _content;
    private readonly PlainLabel _message;
    private readonly PlainLabel _keys;
    private Screen? _screen;
    private Overlay? _overlay;

    public Shell(IApplication app, IWorkspaceOpener opener)
    {
        _app = app;
        Opener = opener;
        Title = "ProtocolEngine";
        _content = new View { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(2), CanFocus = true };
        _message = new PlainLabel { X = 0, Y = Pos.AnchorEnd(2), Width = Dim.Fill(), Text = "" };
        _keys = new PlainLabel { X = 0, Y = Pos.AnchorEnd(1), Width = Dim.Fill(), Text = "" };
        Add(_content, _message, _keys);
        app.Keyboard.KeyDown += OnAppKeyDown;
        Show(opener.DatabaseExists ? new LoginScreen(this) : new FirstRunScreen(this));
    }

    public IWorkspaceOpener Opener { get; }

    /// <summary>The signed-in user's workspace; null before login.</summary>
    public ITrialWorkspace? Workspace { get; private set; }

    /// <summary>The workspace; only screens shown after login call this.</summary>
    public ITrialWorkspace Trial => Workspace ?? throw new InvalidOperationException("Nobody is signed in yet.");

    public Screen? Current => _screen;

    /// <summary>The text of the message line (errors, confirmations).</summary>
    public string MessageText => _message.Text;

    /// <summary>Shows a screen in place of the current one.</summary>
    public void Show(Screen screen)
    {
        CloseOverlay();
        if (_screen is not null)
        {
            _content.Remove(_screen);
            _screen.Dispose();
        }
        _screen = screen;
        _content.Add(screen);
        Title = Workspace is null ? $"ProtocolEngine · {screen.ScreenName}"
            : $"ProtocolEngine · {Workspace.Info.ProtocolId} · {screen.ScreenName} · {Workspace.Info.UserId} ({Workspace.Info.Role})";
        _message.Text = "";
        UpdateKeys();
        screen.Shown();
        SetNeedsLayout();
        SetNeedsDraw();
    }

    /// <summary>Signs in: from now on the trial's screens are open; the dashboard comes first.</summary>
    public void SignedIn(ITrialWorkspace workspace)
    {
        Workspace = workspace;
        Show(new DashboardScreen(this));
        if (workspace.Info.PendingChanges.Count > 0)
            Say($"The protocol differs from the accepted version ({workspace.Info.PendingChanges.Count} changes): reading only until an administrator accepts them (amend accept).");
    }

    /// <summary>Shows a message on the message line.</summary>
    public void Say(string text)
    {
        _message.Text = text.ReplaceLineEndings(" ");
        SetNeedsDraw();
    }

    /// <summary>Runs an action and shows its failure on the message line instead of crashing; what was typed stays.</summary>
    public bool Try(Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Say("! " + ex.Message);
            return false;
        }
    }

    /// <summary>Opens a participant's page.</summary>
    public void OpenParticipant(string id) => Try(() => Show(new ParticipantScreen(this, id)));

    public void Quit() => _app.RequestStop();

    /// <summary>Runs <paramref name="action"/> on the UI thread (from background work).</summary>
    public void Invoke(Action action) => _app.Invoke(action);

    private void UpdateKeys()
    {
        var common = Workspace is null ? "F1 Help  Ctrl+Q Quit" : "F1 Help  F2 Dashboard  F3 Participants  Ctrl+G Go to  Ctrl+Q Quit";
        _keys.Text = common;
    }

    /// <summary>The keys of the current screen and the shell's, as F1 shows them.</summary>
    public IReadOnlyList<KeyHelp> AllKeys()
    {
        var keys = new List<KeyHelp>(_screen?.Keys ?? []);
        keys.Add(new KeyHelp("F1", "this help (Esc closes it)"));
        if (Workspace is not null)
        {
            keys.Add(new KeyHelp("F2", "dashboard"));
            keys.Add(new KeyHelp("F3", "participants"));
            keys.Add(new KeyHelp("Ctrl+G", "go to a participant by id"));
        }
        keys.Add(new KeyHelp("Tab / Shift+Tab", "next / previous field"));
        keys.Add(new KeyHelp("Ctrl+Q", "quit (asks first when input is unsaved)"));
        return keys;
    }

    private void OnAppKeyDown(object? sender, Key key)
    {
        if (key.Handled) return;
        if (_overlay is not null)
        {
            if (key == Key.Esc) { CloseOverlay(); key.Handled = true; }
            else if (key == Key.Q.WithCtrl) { _app.RequestStop(); key.Handled = true; }
            else if (_overlay.OnOverlayKey(key)) key.Handled = true;
            return;
        }
        if (key == Key.F1) { ShowOverlay(new HelpOverlay(this, _screen?.ScreenName ?? "", AllKeys())); key.Handled = true; }
        else if (key == Key.Q.WithCtrl)
        {
            if (_screen?.HasUnsavedInput == true) ShowOverlay(new QuitOverlay(this));
            else _app.RequestStop();
            key.Handled = true;
        }
        else if (Workspace is not null && key == Key.G.WithCtrl) { ShowOverlay(new GoToOverlay(this)); key.Handled = true; }
        else if (Workspace is not null && key == Key.F2) { Try(() => Show(new DashboardScreen(this))); key.Handled = true; }
        else if (Workspace is not null && key == Key.F3) { Try(() => Show(new ParticipantsScreen(this))); key.Handled = true; }
        else if (_screen is not null && (key == Key.Esc || key == Key.Enter || key == Key.CursorUp || key == Key.CursorDown || key == Key.PageUp || key == Key.PageDown || key.IsCtrl || key.IsAlt || FunctionKeys.Contains(key) || _app.Navigation?.GetFocused() is not TextField)
            && _screen.OnScreenKey(key))
            key.Handled = true;
    }

    /// <summary>Shows a box over the screen that has the keys until Esc (help, go to, quit).</summary>
    public void ShowOverlay(Overlay overlay)
    {
        CloseOverlay();
        _overlay = overlay;
        Add(overlay);
        overlay.SetFocus();
        overlay.Opened();
        SetNeedsLayout();
        SetNeedsDraw();
    }

    public void CloseOverlay()
    {
        if (_overlay is null) return;
        Remove(_overlay);
        _overlay.Dispose();
        _overlay = null;
        _screen?.Shown();
        SetNeedsDraw();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _app.Keyboard.KeyDown -= OnAppKeyDown;
            Workspace?.Dispose();
            Workspace = null;
        }
        base.Dispose(disposing);
    }
}
