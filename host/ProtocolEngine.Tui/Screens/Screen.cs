using Terminal.Gui.ViewBase;

namespace ProtocolEngine.Tui.Screens;

/// <summary>One screen of the UI, shown in the shell's content area: its name, the keys it answers (F1 lists them), and whether it holds unsaved input.</summary>
public abstract class Screen : View
{
    protected Screen(Shell shell)
    {
        Shell = shell;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
    }

    protected Shell Shell { get; }

    /// <summary>The screen's name, shown in the shell's title.</summary>
    public abstract string ScreenName { get; }

    /// <summary>The keys of this screen and what they do (beside the shell's own).</summary>
    public abstract IReadOnlyList<KeyHelp> Keys { get; }

    /// <summary>True while something typed here is not saved (quitting then asks first).</summary>
    public virtual bool HasUnsavedInput => false;

    /// <summary>Called when the screen is shown; focus its first field here.</summary>
    public virtual void Shown() { }

    /// <summary>A key no focused view used: screens answer their own letter keys here.</summary>
    /// <param name="key">The key pressed.</param>
    public virtual bool OnScreenKey(Terminal.Gui.Input.Key key) => false;
}

/// <summary>A key and what it does.</summary>
public sealed record KeyHelp(string Key, string Action);
