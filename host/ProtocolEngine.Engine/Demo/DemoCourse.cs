using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Demo.Population;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Scheduling;

namespace ProtocolEngine.Engine.Demo;

/// <summary>
/// A participant's planned radiotherapy: sessions on the site's treatment days from a few days after
/// randomization, about 4% missed (each made up at the end), and in about 4.5% of courses an early
/// stop (toxicity, progression or the patient's choice) after 1 to n-1 fractions, dated the next
/// treatment day; the course then ends on its last delivered fraction.
/// </summary>
internal sealed record DemoCourse(IReadOnlyList<(DateOnly Date, bool Missed)> Sessions, DateOnly Start, DateOnly End, DemoCourse.EarlyStop? Stop)
{
    public const double MissedRate = 0.04;
    public const double StopRate = 0.045;

    public sealed record EarlyStop(DateOnly Date, StopReason Reason);

    private static readonly (StopReason Reason, double Weight)[] StopReasons =
        [(StopReason.Toxicity, 35), (StopReason.Progression, 25), (StopReason.PatientChoice, 40)];

    public static DemoCourse Plan(Fractionation f, Site site, DateOnly randomized, Random random)
    {
        var sessions = new List<(DateOnly Date, bool Missed)>();
        var delivered = 0;
        var stopAfter = random.NextDouble() < StopRate && f.Fractions > 1 ? random.Next(1, f.Fractions) : f.Fractions;
        var day = randomized.AddDays(random.Next(1, 6));
        while (delivered < stopAfter)
        {
            if (FractionCalendar.IsTreatmentDay(day, f, site) && sessions.Count(s => s.Date == day) < f.FractionsPerDay)
            {
                var missed = random.NextDouble() < MissedRate;
                sessions.Add((day, missed));
                if (!missed) delivered++;
                if (sessions.Count(s => s.Date == day) < f.FractionsPerDay) continue;
            }
            day = day.AddDays(1);
        }
        // The loop ends on the last delivered fraction; a stopped course stops on the next treatment day.
        var (start, end) = (sessions.First(s => !s.Missed).Date, sessions[^1].Date);
        var stop = stopAfter < f.Fractions
            ? new EarlyStop(FractionCalendar.Plan(end.AddDays(1), 1, f, site)[0], Weighted.Pick(StopReasons, r => r.Weight, random).Reason)
            : null;
        return new DemoCourse(sessions, start, end, stop);
    }
}
