using ProtocolEngine.Engine.Workspace;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ProtocolEngine.Tui.Screens;

/// <summary>A participant's page: the sections (tabs) on the left, the chosen one on the right. Left/Right or 1-9 change the tab.</summary>
public sealed class ParticipantScreen : Screen
{
    private readonly string _id;
    private readonly ListView _tabs;
    private readonly PlainLabel _body;
    private string[] _lines = [];
    private int _scroll;
    private int _drawnWidth;
    private ParticipantPage _page;

    public ParticipantScreen(Shell shell, string participantId) : base(shell)
    {
        _id = participantId;
        _page = shell.Trial.Participant(participantId);
        _tabs = new ListView { X = 0, Y = 0, Width = 16, Height = Dim.Fill() };
        _tabs.SetSource(new System.Collections.ObjectModel.ObservableCollection<string>(ParticipantSections.Names));
        _body = new PlainLabel { X = 17, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(), Text = "" };
        Add(_tabs, _body);
        _body.FrameChanged += (_, _) => { if (_body.Frame.Width != _drawnWidth) Draw(); };
        _tabs.ValueChanged += (_, _) => ShowSection();
        _tabs.SelectedItem = 0;
        ShowSection();
    }

    public override string ScreenName => $"participant {_id}";

    public override IReadOnlyList<KeyHelp> Keys
    {
        get
        {
            var keys = new List<KeyHelp> { new("Up/Down", "choose a tab (Summary, Eligibility, ... Audit)"), new("1-9", "jump to a tab"),
                new("PgUp/PgDn", "scroll the tab's text"), new("Esc", "back to the participants"), new("F5", "refresh") };
            var info = Shell.Trial.Info;
            if (info is { CanScreen: true, Writable: true }) keys.Add(new("s", "screen (the form, with live verdicts)"));
            if (info is { CanRandomize: true, Writable: true }) keys.Add(new("r", "randomize (asks to confirm)"));
            return keys;
        }
    }

    public override void Shown() => _tabs.SetFocus();

    /// <summary>The section shown now.</summary>
    public string Section => ParticipantSections.Names[_tabs.SelectedItem ?? 0];

    private void ShowSection()
    {
        _lines = ParticipantSections.Render(_page, Section).Split('\n');
        _scroll = 0;
        Draw();
    }

    private void Draw()
    {
        // Rows are cut to the width, not wrapped, so a table keeps one line per row.
        var width = _body.Frame.Width > 0 ? _body.Frame.Width : int.MaxValue;
        _drawnWidth = _body.Frame.Width;
        _body.Text = string.Join("\n", _lines.Skip(_scroll).Select(l => l.Length > width ? l[..(width - 1)] + "…" : l));
        SetNeedsDraw();
    }

    public override bool OnScreenKey(Key key)
    {
        if (key == Key.Esc) { Shell.Try(() => Shell.Show(new ParticipantsScreen(Shell))); return true; }
        if (key.AsRune.Value is >= '1' and <= '9' && key.AsRune.Value - '1' < ParticipantSections.Names.Count)
        {
            _tabs.SelectedItem = key.AsRune.Value - '1';
            ShowSection();
            return true;
        }
        if (key == Key.PageDown || key == Key.PageUp)
        {
            var step = Math.Max(1, _body.Frame.Height - 1) * (key == Key.PageDown ? 1 : -1);
            _scroll = Math.Clamp(_scroll + step, 0, Math.Max(0, _lines.Length - 1));
            Draw();
            return true;
        }
        if (key == Key.F5) { Shell.Try(() => { _page = Shell.Trial.Participant(_id); ShowSection(); }); return true; }
        var info = Shell.Trial.Info;
        if (key == Key.S && info is { CanScreen: true, Writable: true }) { Shell.Try(() => Shell.Show(new ScreeningScreen(Shell, _id))); return true; }
        if (key == Key.R && info is { CanRandomize: true, Writable: true }) { Shell.Try(() => Shell.Show(new RandomizeScreen(Shell, _id))); return true; }
        return false;
    }
}
