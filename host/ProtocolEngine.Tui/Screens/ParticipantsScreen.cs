using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ProtocolEngine.Tui.Screens;

/// <summary>The participants: a filter (/ focuses it; it matches id, initials or status) over a paged list; Enter opens one.</summary>
public sealed class ParticipantsScreen : Screen
{
    private readonly TextField _filter;
    private readonly PlainLabel _count;
    private readonly ListView _list;
    private ParticipantSource? _source;

    public ParticipantsScreen(Shell shell) : base(shell)
    {
        Add(new PlainLabel { X = 1, Y = 0, Text = "Filter /" });
        _filter = new TextField { X = 10, Y = 0, Width = Dim.Fill(22) };
        _count = new PlainLabel { X = Pos.AnchorEnd(21), Y = 0, Width = 20, Text = "" };
        Add(new PlainLabel { X = 1, Y = 1, Width = Dim.Fill(1), Text = $"{"id",-16} {"ini",-4} {"sex",-6} born {"status",-11} registered" });
        _list = new ListView { X = 1, Y = 2, Width = Dim.Fill(1), Height = Dim.Fill() };
        Add(_filter, _count, _list);
        _filter.TextChanged += (_, _) => Load();
        _list.Accepting += (_, e) => { OpenSelected(); e.Handled = true; };
        Load();
    }

    public override string ScreenName => "participants";

    public override IReadOnlyList<KeyHelp> Keys
    {
        get
        {
            var keys = new List<KeyHelp> { new("/", "filter: id, initials or a status (randomized, eligible, ...)"), new("Enter", "open the participant"),
                new("Up/Down PgUp/PgDn", "move in the list"), new("Esc", "from the filter back to the list") };
            if (Shell.Trial.Info is { CanRegister: true, Writable: true }) keys.Add(new("a", "add (register) a participant"));
            if (Shell.Trial.Info is { CanScreen: true, Writable: true }) keys.Add(new("s", "screen the selected participant"));
            keys.Add(new("F5", "refresh"));
            return keys;
        }
    }

    public override void Shown() => _list.SetFocus();

    private void Load() => Shell.Try(() =>
    {
        _source = new ParticipantSource(Shell.Trial, _filter.Text);
        _list.Source = _source;
        _list.SelectedItem = _source.Count > 0 ? 0 : null;
        _count.Text = $"{_source.Count} participant{(_source.Count == 1 ? "" : "s")}".PadLeft(20);
    });

    private string? SelectedId => _source is { Count: > 0 } s && _list.SelectedItem is { } i && i < s.Count ? s.Row(i).Id : null;

    private void OpenSelected()
    {
        if (SelectedId is { } id) Shell.OpenParticipant(id);
    }

    public override bool OnScreenKey(Key key)
    {
        if (key == Key.Esc && _filter.HasFocus) { _list.SetFocus(); return true; }
        if (_filter.HasFocus) return key == Key.Enter && FocusList();
        if (key == Key.Enter) { OpenSelected(); return true; }
        if (key.AsRune.Value == '/') { _filter.SetFocus(); return true; }
        if (key == Key.F5) { Load(); return true; }
        if (key == Key.A && Shell.Trial.Info is { CanRegister: true, Writable: true }) { Shell.Show(new RegisterScreen(Shell)); return true; }
        if (key == Key.S && Shell.Trial.Info is { CanScreen: true, Writable: true } && SelectedId is { } id)
        {
            Shell.Try(() => Shell.Show(new ScreeningScreen(Shell, id)));
            return true;
        }
        return false;
    }

    private bool FocusList()
    {
        _list.SetFocus();
        return true;
    }
}
