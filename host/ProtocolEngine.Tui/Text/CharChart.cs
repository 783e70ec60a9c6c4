namespace ProtocolEngine.Tui.Text;

/// <summary>Charts drawn with characters, so they read the same on dark and light terminals and in a text capture.</summary>
public static class CharChart
{
    /// <summary>A bar of <paramref name="width"/> cells: '█' for the share of <paramref name="value"/> in <paramref name="max"/>, '·' for the rest.</summary>
    /// <param name="value">The value.</param>
    /// <param name="max">The value of a full bar (at least 1).</param>
    /// <param name="width">The bar's width in cells.</param>
    public static string Bar(int value, int max, int width)
    {
        var filled = max <= 0 ? 0 : (int)Math.Round(Math.Clamp((double)value / max, 0, 1) * width, MidpointRounding.AwayFromZero);
        return new string('█', filled) + new string('·', width - filled);
    }

    /// <summary>
    /// Columns of '█' for each value (left to right), <paramref name="height"/> rows high, scaled to the largest of
    /// the values and <paramref name="ceiling"/>; a top row names the scale. The last <paramref name="width"/> values are shown.
    /// </summary>
    /// <param name="values">The values, oldest first.</param>
    /// <param name="height">Rows of the chart.</param>
    /// <param name="width">Columns of the chart (one per value).</param>
    /// <param name="ceiling">A value the scale reaches at least (the target).</param>
    public static IReadOnlyList<string> Columns(IReadOnlyList<int> values, int height, int width, int ceiling)
    {
        var shown = values.Skip(Math.Max(0, values.Count - width)).ToList();
        var top = Math.Max(1, Math.Max(ceiling, shown.DefaultIfEmpty(0).Max()));
        var rows = new List<string>();
        for (var row = height; row >= 1; row--)
        {
            var threshold = (double)top * row / height;
            // The bottom row marks any value above zero, so a small count is still seen against a large target.
            var line = new string([.. shown.Select(v => v >= threshold - top / (2.0 * height) ? '█' : row == 1 && v > 0 ? '▁' : ' ')]);
            var axis = row == height ? top.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(4) : row == 1 ? "   0" : "    ";
            rows.Add($"{axis} │{line}");
        }
        return rows;
    }
}
