using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ProtocolEngine.Tui.Screens;

/// <summary>Ctrl+G: type a participant id (the matching ids are offered as you type); Enter opens the page, Tab completes.</summary>
public sealed class GoToOverlay : Overlay
{
    private const int Shown = 6;
    private readonly TextField _id;
    private readonly PlainLabel _matches;
    private IReadOnlyList<string> _found = [];

    public GoToOverlay(Shell shell) : base(shell, "Go to participant", 50, 10)
    {
        Add(new PlainLabel { X = 1, Y = 0, Text = "Id:" });
        _id = new TextField { X = 5, Y = 0, Width = Dim.Fill(1) };
        _matches = new PlainLabel { X = 1, Y = 2, Width = Dim.Fill(1), Height = Shown, Text = "" };
        Add(_id, _matches);
        _id.TextChanged += (_, _) => Complete();
    }

    public override void Opened()
    {
        _id.SetFocus();
        Complete();
    }

    private void Complete()
    {
        Shell.Try(() =>
        {
            _found = Shell.Trial.ParticipantIds(_id.Text, Shown);
            _matches.Text = _found.Count == 0 ? "no participant id starts so" : string.Join("\n", _found);
        });
    }

    public override bool OnOverlayKey(Key key)
    {
        if (key == Key.Enter)
        {
            var id = _found.FirstOrDefault(f => f.Equals(_id.Text.Trim(), StringComparison.OrdinalIgnoreCase)) ?? (_found.Count == 1 ? _found[0] : null);
            if (id is null) Shell.Say($"! No participant '{_id.Text.Trim()}'; type more of the id, or Tab to take the first match.");
            else Shell.OpenParticipant(id);
            return true;
        }
        if (key == Key.Tab && _found.Count > 0)
        {
            _id.Text = _found[0];
            _id.MoveEnd();
            return true;
        }
        return false;
    }
}
