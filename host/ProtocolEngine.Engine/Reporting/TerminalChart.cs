using System.Globalization;
using System.Text;

namespace ProtocolEngine.Engine.Reporting;

/// <summary>
/// Mean worst pain by visit per arm as a chart of plain characters (no colour, no escape codes): the y axis is worst
/// pain 0-10 in half points, one column per visit occurrence, one mark per arm ('o', 'x', '+', ...; '*' where two meet).
/// </summary>
public static class TerminalChart
{
    private const string Marks = "ox+#@%";
    private const int ColumnWidth = 9;

    public static string Draw(TrialReport report)
    {
        var points = report.MeanWorstPain;
        var visits = points.Select(p => (p.Visit, p.Occurrence, p.Label)).Distinct().ToList();
        var b = new StringBuilder();
        if (visits.Count == 0)
            return "(no pain assessments yet: nothing to chart)";
        var arms = report.Arms.Select(a => a.Id).ToList();
        var grid = new char[21, visits.Count];
        for (var y = 0; y < 21; y++)
            for (var x = 0; x < visits.Count; x++)
                grid[y, x] = ' ';
        for (var x = 0; x < visits.Count; x++)
            for (var a = 0; a < arms.Count; a++)
            {
                var point = points.FirstOrDefault(p => p.Visit == visits[x].Visit && p.Occurrence == visits[x].Occurrence && p.Arm == arms[a]);
                if (point?.Mean is not { } mean) continue;
                var row = (int)Math.Round(Math.Clamp(mean, 0, 10) * 2, MidpointRounding.AwayFromZero);
                grid[row, x] = grid[row, x] == ' ' ? Marks[a % Marks.Length] : '*';
            }
        b.AppendLine("worst pain (mean, NRS 0-10)");
        for (var y = 20; y >= 0; y--)
        {
            b.Append(y % 2 == 0 ? (y / 2).ToString(CultureInfo.InvariantCulture).PadLeft(3) + " |" : "    |");
            for (var x = 0; x < visits.Count; x++)
                b.Append(new string(' ', ColumnWidth / 2)).Append(grid[y, x]).Append(new string(' ', ColumnWidth - ColumnWidth / 2 - 1));
            b.AppendLine();
        }
        b.Append("    +").AppendLine(new string('-', ColumnWidth * visits.Count));
        b.Append("     ");
        foreach (var v in visits)
            b.Append(Fit(v.Label).PadLeft((ColumnWidth + Fit(v.Label).Length + 1) / 2).PadRight(ColumnWidth));
        b.AppendLine();
        b.Append("     ").AppendLine(string.Join("   ", arms.Select((a, i) => $"{Marks[i % Marks.Length]} {ReportFormat.ArmName(report, a)}")) + "   * both");
        return b.ToString().TrimEnd();
    }

    private static string Fit(string label) => label.Length <= ColumnWidth - 1 ? label : label[..(ColumnWidth - 1)];
}
