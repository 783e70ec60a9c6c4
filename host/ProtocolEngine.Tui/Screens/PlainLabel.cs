using System.Text;
using Terminal.Gui.Views;

namespace ProtocolEngine.Tui.Screens;

/// <summary>
/// A label that shows its text as it is: an underscore (variable ids, PROTOCOL_ENGINE_DB_KEY) is not taken as a
/// hot-key mark.
/// </summary>
public sealed class PlainLabel : Label
{
    public PlainLabel() => HotKeySpecifier = new Rune(0xFFFF);
}
