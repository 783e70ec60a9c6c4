using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Plugins.PainResponse;

/// <summary>
/// Hird et al. 2009: a flare is a rise of 2 points in worst pain over baseline with no decrease in
/// analgesics, or a 25% rise in analgesics with no decrease in worst pain, that returns to baseline
/// within the window; a rise that has not returned by the window's last diary day is progression.
/// "Returns to baseline" is read as worst pain and OMED both at or below their baseline values.
/// </summary>
internal static class FlareScan
{
    public static PainFlareResult Assess(PainObservation baseline, IReadOnlyList<PainDiaryDay> days)
    {
        for (var i = 0; i < days.Count; i++)
        {
            var d = days[i] ?? throw new ArgumentException($"days[{i}]: missing; give every diary day.");
            PainResponsePlugin.Check(new PainObservation(d.WorstPain, d.OmedMg), $"days[{i}]");
            if (i > 0 && d.Date <= days[i - 1].Date)
                throw new ArgumentException($"days[{i}]: {d.Date:yyyy-MM-dd} is not after {days[i - 1].Date:yyyy-MM-dd}; give one entry a day in date order.");
        }
        PainFlareResult? flare = null;
        for (var i = 0; i < days.Count; i++)
        {
            if (!Rise(baseline, days[i]))
                continue;
            var back = -1;
            for (var j = i + 1; j < days.Count && back < 0; j++)
                if (days[j].WorstPain <= baseline.WorstPain && days[j].OmedMg <= baseline.OmedMg)
                    back = j;
            if (back < 0)
                return new(PainFlareOutcome.Progression, days[i].Date, null,
                    $"progression: the rise from {days[i].Date:yyyy-MM-dd} had not returned to baseline by the last diary day ({days[^1].Date:yyyy-MM-dd})");
            flare ??= new(PainFlareOutcome.Flare, days[i].Date, days[back].Date,
                $"flare: a rise on {days[i].Date:yyyy-MM-dd} returned to baseline on {days[back].Date:yyyy-MM-dd}");
            i = back;
        }
        return flare ?? new(PainFlareOutcome.None, null, null, "no flare: no diary day rose 2 points in pain (analgesics not decreased) or 25% in analgesics (pain not decreased)");
    }

    private static bool Rise(PainObservation b, PainDiaryDay d) =>
        (d.WorstPain >= b.WorstPain + 2 && d.OmedMg >= b.OmedMg)
        || (OmedChange.RaisedByQuarter(b.OmedMg, d.OmedMg) && d.WorstPain >= b.WorstPain);
}
