using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Treatment;

namespace ProtocolEngine.Engine.Scheduling;

/// <summary>
/// A participant's radiotherapy course from its fraction records: delivered and missed sessions, and
/// the projected dates of the fractions still to give (each missed session extends the course). A
/// course stopped early ends on its last delivered fraction (or on the stop date when none was
/// delivered) and projects nothing more.
/// </summary>
public sealed record TreatmentCourse
{
    public int PlannedFractions { get; init; }
    public int Delivered { get; init; }
    public int Missed { get; init; }
    public double DeliveredDoseGy { get; init; }
    public DateOnly? Start { get; init; }
    public DateOnly? End { get; init; }
    public IReadOnlyList<DateOnly> RemainingDates { get; init; } = [];

    /// <summary>The early stop, when the course was stopped before it was complete.</summary>
    public TreatmentStop? Stop { get; init; }

    public bool Complete => Delivered >= PlannedFractions;

    /// <summary>No more fractions: the course is complete or was stopped.</summary>
    public bool Closed => Complete || Stop is not null;

    /// <summary>End date if complete, else the projected last date (null before the first fraction).</summary>
    public DateOnly? EndOrProjected => End ?? (Start is null ? null : RemainingDates.LastOrDefault());

    public static TreatmentCourse From(IReadOnlyList<FractionRecord> fractions, Fractionation f, Site site, DateOnly today, TreatmentStop? stop = null)
    {
        var ordered = fractions.OrderBy(x => x.Sequence).ToList();
        var delivered = ordered.Where(x => x.Status == FractionStatus.Delivered).ToList();
        var remaining = f.Fractions - delivered.Count;
        IReadOnlyList<DateOnly> next = [];
        if (stop is null && remaining > 0 && ordered.Count > 0)
        {
            var last = ordered[^1].Date;
            var usedToday = ordered.Count(x => x.Date == last);
            var from = last < today ? today : last;
            next = FractionCalendar.Plan(from, remaining, f, site, from == last ? usedToday : 0);
        }
        DateOnly? end = remaining <= 0 ? delivered[^1].Date
            : stop is not null ? (delivered.Count > 0 ? delivered[^1].Date : stop.Date)
            : null;
        return new TreatmentCourse
        {
            PlannedFractions = f.Fractions, Delivered = delivered.Count, Missed = ordered.Count - delivered.Count,
            DeliveredDoseGy = delivered.Sum(x => x.DoseGy), Start = delivered.FirstOrDefault()?.Date,
            End = end, RemainingDates = next, Stop = remaining <= 0 ? null : stop,
        };
    }
}
