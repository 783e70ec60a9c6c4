using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace ProtocolEngine.Tui.Screens;

/// <summary>Ctrl+Q with unsaved input: quit only on y.</summary>
public sealed class QuitOverlay : Overlay
{
    public QuitOverlay(Shell shell) : base(shell, "Quit?", 56, 5) =>
        Add(new PlainLabel { X = 1, Y = 0, Width = Dim.Fill(1), Text = "What you typed here is not saved.\ny: quit and lose it   n or Esc: stay" });

    public override bool OnOverlayKey(Key key)
    {
        if (key == Key.Y) { Shell.Quit(); return true; }
        if (key == Key.N) { Shell.CloseOverlay(); return true; }
        return false;
    }
}
