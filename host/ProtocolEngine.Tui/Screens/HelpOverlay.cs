using Terminal.Gui.ViewBase;

namespace ProtocolEngine.Tui.Screens;

/// <summary>F1: the keys of the current screen and those that work everywhere.</summary>
public sealed class HelpOverlay : Overlay
{
    public HelpOverlay(Shell shell, string screen, IReadOnlyList<KeyHelp> keys)
        : base(shell, $"Keys: {screen}", 70, Math.Min(keys.Count + 4, 22))
    {
        var width = keys.Max(k => k.Key.Length);
        Add(new PlainLabel { X = 1, Y = 0, Width = Dim.Fill(1), Height = Dim.Fill(1),
            Text = string.Join("\n", keys.Select(k => $"{k.Key.PadRight(width)}  {k.Action}")) });
        Add(new PlainLabel { X = 1, Y = Pos.AnchorEnd(1), Text = "Esc closes this help." });
    }
}
