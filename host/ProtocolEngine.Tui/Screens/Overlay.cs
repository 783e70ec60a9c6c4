using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ProtocolEngine.Tui.Screens;

/// <summary>A box over the current screen (help, go to, quit?) that has the keys until it closes; Esc closes it.</summary>
public abstract class Overlay : FrameView
{
    protected Overlay(Shell shell, string title, int width, int height)
    {
        Shell = shell;
        Title = title;
        X = Pos.Center();
        Y = Pos.Center();
        Width = width;
        Height = height;
        CanFocus = true;
        Arrangement = ViewArrangement.Overlapped;
    }

    protected Shell Shell { get; }

    /// <summary>Called once the overlay is shown and focused.</summary>
    public virtual void Opened() { }

    /// <summary>A key while the overlay is open (Esc and Ctrl+Q are the shell's).</summary>
    /// <param name="key">The key pressed.</param>
    public virtual bool OnOverlayKey(Key key) => false;
}
