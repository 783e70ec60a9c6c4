using System.Globalization;

namespace ProtocolEngine.Engine.Reporting;

/// <summary>How every renderer writes the report's numbers: rates as percentages, differences in percentage points, p-values, "not estimable".</summary>
public static class ReportFormat
{
    public const string NotEstimable = "not estimable";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Percent(double? rate) => rate is { } r ? (100 * r).ToString("0.0", Inv) + "%" : NotEstimable;

    /// <summary>"12/20, 60.0% (38.7% to 78.1%)", or "0/0, not estimable".</summary>
    public static string Rate(ArmRate a) =>
        a.Rate is null ? $"{a.Responders}/{a.Denominator}, {NotEstimable}"
        : $"{a.Responders}/{a.Denominator}, {Percent(a.Rate)}" + (a.Lower is { } l && a.Upper is { } u ? $" ({Percent(l)} to {Percent(u)})" : "");

    /// <summary>A difference of proportions in percentage points with its interval: "+5.0 pp (-12.3 to 22.1)".</summary>
    public static string Difference(VisitComparison c) =>
        c.Difference is not { } d ? NotEstimable
        : Points(d) + " pp" + (c.DifferenceLower is { } l && c.DifferenceUpper is { } u ? $" ({Points(l)} to {Points(u)})" : " (interval not computed, see the notes)");

    public static string Points(double difference) => (100 * difference).ToString("+0.0;-0.0;0.0", Inv);

    public static string P(double? p) => p switch
    {
        null => "-",
        < 0.001 => "<0.001",
        { } x => x.ToString("0.000", Inv),
    };

    public static string Number(double? value, string format = "0.0") => value is { } v ? v.ToString(format, Inv) : "-";

    public static string Conclusion(VisitComparison c, double? margin) => c.Conclusion switch
    {
        NonInferiorityConclusion.NonInferior => $"non-inferior (lower bound above {Points(margin ?? 0)} pp)",
        NonInferiorityConclusion.NotShown => $"non-inferiority not shown (interval reaches {Points(margin ?? 0)} pp)",
        NonInferiorityConclusion.NoMargin => "no margin in the plan",
        _ => NotEstimable,
    };

    /// <summary>An arm's name from its id.</summary>
    public static string ArmName(TrialReport report, string arm) => report.Arms.FirstOrDefault(a => a.Id == arm)?.Name ?? arm;

    /// <summary>"1.2.3 (text: 3); ..." for reasons, or "none".</summary>
    public static string Reasons(IReadOnlyList<ReasonCount> reasons) =>
        reasons.Count == 0 ? "none" : string.Join("; ", reasons.Select(r => r.Id == r.Text || r.Id.Contains('-', StringComparison.Ordinal) ? $"{r.Text}: {r.Count}" : $"{r.Id} {r.Text}: {r.Count}"));
}
