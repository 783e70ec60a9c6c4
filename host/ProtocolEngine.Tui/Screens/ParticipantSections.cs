using System.Globalization;
using System.Text;
using ProtocolEngine.Engine.Workspace;
using ProtocolEngine.Tui.Text;

namespace ProtocolEngine.Tui.Screens;

/// <summary>The text of each section (tab) of a participant's page.</summary>
public static class ParticipantSections
{
    public static readonly IReadOnlyList<string> Names =
        ["Summary", "Eligibility", "Allocation", "Target volumes", "Fractions", "Visits", "Pain", "Diary", "Adverse events", "Status", "Audit"];

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(ParticipantPage page, string section) => section switch
    {
        "Summary" => Summary(page),
        "Eligibility" => Eligibility(page),
        "Allocation" => page.Allocation is { } a
            ? $"Arm: {a.ArmName} ({a.ArmId})\nStratum: {a.Stratum}, position {a.Position}\nRandomized on {a.RandomizedOn:yyyy-MM-dd} by {a.RandomizedBy}"
            : "Not randomized.",
        "Target volumes" => page.TargetVolumes.Count == 0 ? "No target volume defined (they are defined at randomization)."
            : string.Join("\n\n", page.TargetVolumes.Select(t =>
                $"{t.Level}: GTV sectors {Sectors(t.GtvSectors)} -> CTV {Sectors(t.CtvSectors)}"
                + (t.OptionalSectors.Count > 0 ? $" (optional {Sectors(t.OptionalSectors)})" : "")
                + $"\n  policy {t.Policy}{(t.Rule is null ? "" : $", row {t.Rule}")}{(t.Circumferential ? ", circumferential" : "")}, PTV margin {t.PtvMarginCm.ToString("0.##", Inv)} cm")),
        "Fractions" => Fractions(page),
        "Visits" => page.Visits.Count == 0 ? "No visit scheduled yet."
            : string.Join("\n", page.Visits.Select(v => $"{v.Target:yyyy-MM-dd}  {v.Status,-12} {Cut(v.Label, 30),-30} window {v.WindowStart:MM-dd}..{v.WindowEnd:MM-dd}")),
        "Pain" => Pain(page),
        "Diary" => page.Diary.Count == 0 ? "No diary entry."
            : string.Join("\n", page.Diary.Select(d => $"{d.Date:yyyy-MM-dd}  worst pain {d.WorstPain,2}  OMED {d.OmedMg.ToString("0.#", Inv)} mg")),
        "Adverse events" => page.AdverseEvents.Count == 0 ? "No adverse event."
            : string.Join("\n", page.AdverseEvents.Select(e =>
                $"{e.Onset:yyyy-MM-dd}  grade {e.Grade}  {Cut(e.Term, 32),-32} {(e.Resolved is { } r ? $"resolved {r:yyyy-MM-dd}" : "open")}{(e.Serious ? " SERIOUS" : "")}  {e.Relation}")),
        "Status" => $"Participant status: {page.Participant.Status}\n"
            + $"Vital status: {(page.VitalStatus is null ? "none recorded" : $"{page.VitalStatus} on {page.VitalStatusDate:yyyy-MM-dd}")}\n"
            + $"Withdrawn: {(page.WithdrawnOn is { } w ? w.ToString("yyyy-MM-dd", Inv) : "no")}",
        "Audit" => page.Audit.Count == 0 ? "No audit entry."
            : string.Join("\n", page.Audit.Select(a => $"#{a.Sequence,-6} {a.TimestampUtc.UtcDateTime:yyyy-MM-dd HH:mm} {a.User,-10} {a.Action,-16} {a.RecordId}{(a.Reason is null ? "" : $"  ({Cut(a.Reason, 40)})")}")),
        _ => "",
    };

    private static string Summary(ParticipantPage page)
    {
        var p = page.Participant;
        return $"{p.Id}   site {p.SiteId}   initials {p.Initials}   {p.Sex}, born {p.BirthYear}\n"
            + $"Status: {p.Status}\nRegistered {p.RegisteredOn:yyyy-MM-dd}; consent {(p.ConsentedOn is { } c ? c.ToString("yyyy-MM-dd", Inv) : "not recorded")}\n"
            + $"Screening: {(page.ScreeningStatus is null ? "not screened" : $"{page.ScreeningStatus} on {page.ScreenedOn:yyyy-MM-dd}")}\n"
            + $"Allocation: {(page.Allocation is { } a ? $"{a.ArmName} on {a.RandomizedOn:yyyy-MM-dd}" : "not randomized")}";
    }

    /// <summary>Each criterion's verdict and reason, the excluding ones marked.</summary>
    public static string Eligibility(ParticipantPage page) => page.ScreeningStatus is null ? "Not screened yet."
        : $"Screened {page.ScreenedOn:yyyy-MM-dd}: {page.ScreeningStatus}\n\n" + Criteria(page.Criteria);

    /// <summary>The criteria table: marker, id, verdict, reason.</summary>
    public static string Criteria(IReadOnlyList<CriterionRow> criteria) =>
        string.Join("\n", criteria.Select(c => $"{(c.Excludes ? "✗" : c.Verdict is "met" or "not-met" ? "✓" : "?")} {c.Id,-5} {c.Kind[..3]} {c.Verdict,-8} {Cut(c.Reason.Length > 0 ? c.Reason : c.Text, 52)}"));

    private static string Fractions(ParticipantPage page)
    {
        if (page.Course is not { } c) return "No radiotherapy course (not randomized).";
        var s = new StringBuilder();
        s.AppendLine(Inv, $"{c.Delivered} of {c.Planned} delivered ({c.DeliveredDoseGy.ToString("0.#", Inv)} Gy), {c.Missed} missed{(c.StoppedOn is null ? "" : $"; stopped {c.StoppedOn} ({c.StopReason})")}");
        s.AppendLine("■ delivered  ✗ missed  □ to come");
        foreach (var week in c.Days.GroupBy(d => d.Date.AddDays(-(((int)d.Date.DayOfWeek + 6) % 7))))
            s.AppendLine($"week of {week.Key:yyyy-MM-dd}: " + string.Join(" ", week.Select(d =>
                $"{d.Date:ddd dd}{(d.Status switch { "delivered" => "■", "missed" => "✗", _ => "□" })}")));
        return s.ToString().TrimEnd();
    }

    private static string Pain(ParticipantPage page)
    {
        if (page.Pain.Count == 0) return "No pain assessment.";
        var chart = CharChart.Columns([.. page.Pain.Select(p => p.WorstPain)], 5, 40, 10);
        return "Worst pain (NRS 0-10) at each assessment, oldest first:\n" + string.Join("\n", chart) + "\n\n"
            + string.Join("\n", page.Pain.Select(p => $"{p.Date:yyyy-MM-dd}  {Cut(p.VisitId, 20),-20} NRS {p.WorstPain,2}  OMED {p.OmedMg.ToString("0.#", Inv)} mg"));
    }

    private static string Sectors(IReadOnlyList<int> sectors) => sectors.Count == 0 ? "-" : string.Join(",", sectors);

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
