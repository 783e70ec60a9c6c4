using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ProtocolEngine.Tui.Screens;

/// <summary>Lays out a label and a text field on one row of a simple form.</summary>
public static class FormRow
{
    /// <summary>Adds "label" at column 1 and a field after it on row <paramref name="y"/>; returns the field.</summary>
    /// <param name="parent">The view the row goes in.</param>
    /// <param name="y">The row.</param>
    /// <param name="label">The label's text.</param>
    /// <param name="labelWidth">The width of the label column.</param>
    /// <param name="secret">Masks what is typed (passwords, keys).</param>
    /// <param name="text">The field's first text.</param>
    public static TextField Add(View parent, int y, string label, int labelWidth, bool secret = false, string text = "")
    {
        var field = new TextField { X = labelWidth + 2, Y = y, Width = Dim.Fill(2), Secret = secret, Text = text };
        parent.Add(new PlainLabel { X = 1, Y = y, Text = label }, field);
        return field;
    }
}
