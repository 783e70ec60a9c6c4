using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Scheduling;

namespace ProtocolEngine.Engine.Validation;

public sealed partial class ProtocolValidator
{
    private static void CheckVisits(Run run)
    {
        var protocol = run.Protocol;
        run.Unique(protocol.Visits, v => v.Id, "visit");
        if (!run.Bound(protocol, nameof(Protocol.Visits)))
            return;
        if (protocol.Visits.Count == 0)
            run.Error(DiagnosticCodes.EmptySection, protocol, nameof(Protocol.Visits), "'visits' is empty; the schedule needs at least a baseline visit.");

        foreach (var visit in protocol.Visits.Where(v => run.Clean(v) && run.Clean(v.Window)))
        {
            var offsets = new[] { visit.Days, visit.Weeks, visit.Months }.Count(o => o is not null);
            if (offsets != 1)
            {
                run.Error(DiagnosticCodes.ImpossibleVisitWindow, visit, nameof(Visit.Id),
                    $"visit '{visit.Id}' gives {(offsets == 0 ? "no offset" : "more than one offset")}; give exactly one of days, weeks or months from its anchor.");
                continue;
            }
            if (visit.Anchor is VisitAnchor.RadiotherapyStart or VisitAnchor.RadiotherapyEnd && protocol.Fractionation is null)
                run.Error(DiagnosticCodes.ImpossibleVisitWindow, visit, nameof(Visit.Anchor), $"visit '{visit.Id}' is timed from {Loading.Naming.EnumValue(visit.Anchor)} but the protocol has no fractionation section.");

            var nominal = VisitTiming.NominalDays(visit);
            var window = visit.Window;
            if (visit.Anchor == VisitAnchor.RadiotherapyStart && nominal <= 0 && nominal + window.AfterDays > 0)
                run.Error(DiagnosticCodes.ImpossibleVisitWindow, window, nameof(VisitWindow.AfterDays),
                    $"visit '{visit.Id}' is before radiotherapy (day {nominal}) but its window runs to day {nominal + window.AfterDays}, after treatment starts; make after_days at most {-nominal}.");
            if (visit.Anchor == VisitAnchor.RadiotherapyEnd && nominal > 0 && nominal - window.BeforeDays <= 0)
                run.Error(DiagnosticCodes.ImpossibleVisitWindow, window, nameof(VisitWindow.BeforeDays),
                    $"visit '{visit.Id}' is after radiotherapy (day {nominal}) but its window opens on day {nominal - window.BeforeDays}, before treatment ends; make before_days at most {nominal - 1}.");

            if (visit.Repeat is { } repeat)
            {
                if (visit.Months is not { } months)
                    run.Error(DiagnosticCodes.ImpossibleVisitWindow, repeat, nameof(VisitRepeat.EveryMonths), $"visit '{visit.Id}' repeats monthly, so its first time must be given in months.");
                else if (repeat.UntilMonth < months)
                    run.Error(DiagnosticCodes.ImpossibleVisitWindow, repeat, nameof(VisitRepeat.UntilMonth), $"visit '{visit.Id}' repeats until month {repeat.UntilMonth}, before its first time (month {months}).");
                var interval = repeat.EveryMonths * VisitTiming.MinDaysPerMonth;
                if (window.BeforeDays + window.AfterDays >= interval)
                    run.Error(DiagnosticCodes.ImpossibleVisitWindow, window, nameof(VisitWindow.BeforeDays),
                        $"visit '{visit.Id}' repeats every {repeat.EveryMonths} month(s) but its window spans {window.BeforeDays + window.AfterDays} days, so consecutive windows overlap; narrow it below {interval} days.");
            }
        }
        CheckVisitOverlaps(run);
    }

    /// <summary>The diary runs from the first fraction to days after the last: it needs a radiotherapy course.</summary>
    private static void CheckDiary(Run run)
    {
        var protocol = run.Protocol;
        var fractionationWritten = run.Document.Map.ValueOf(protocol, nameof(Protocol.Fractionation)) is not null;
        if (protocol.Diary is not null && !fractionationWritten)
            run.Error(DiagnosticCodes.ImpossibleVisitWindow, protocol, nameof(Protocol.Diary),
                "the diary is kept from the first fraction until days_after_end days after the last, but the protocol has no fractionation section; add the fractionation or remove the diary.");
    }

    /// <summary>Visits with the same anchor must be in time order and their windows must not overlap.</summary>
    private static void CheckVisitOverlaps(Run run)
    {
        foreach (var group in run.Protocol.Visits.Where(v => run.Clean(v) && run.Clean(v.Window) && new[] { v.Days, v.Weeks, v.Months }.Count(o => o is not null) == 1).GroupBy(v => v.Anchor))
        {
            Visit? previous = null;
            foreach (var visit in group)
            {
                if (previous is not null)
                {
                    var (prevStart, prevEnd) = VisitTiming.WindowDays(previous);
                    var (start, _) = VisitTiming.WindowDays(visit);
                    var prevNominal = VisitTiming.NominalDays(previous);
                    var nominal = VisitTiming.NominalDays(visit);
                    if (nominal <= prevNominal)
                        run.Error(DiagnosticCodes.ImpossibleVisitWindow, visit, nameof(Visit.Id),
                            $"visit '{visit.Id}' (day {nominal}) is listed after '{previous.Id}' (day {prevNominal}) but does not come later; list visits in time order.");
                    else if (start <= prevEnd)
                        run.Error(DiagnosticCodes.ImpossibleVisitWindow, visit.Window, nameof(VisitWindow.BeforeDays),
                            $"the window of visit '{visit.Id}' (days {start} to {VisitTiming.WindowDays(visit).End}) overlaps that of '{previous.Id}' (days {prevStart} to {prevEnd}); a date would belong to both.");
                }
                previous = visit;
            }
        }
    }
}
