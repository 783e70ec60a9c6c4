using ProtocolEngine.Engine.Scheduling;
using ProtocolEngine.Engine.Treatment;

namespace ProtocolEngine.Tests.Records.Support;

/// <summary>Gives a participant the whole course from a day on; returns the last fraction's date.</summary>
public static class Treat
{
    public static DateOnly FullCourse(TrialFixture t, string participantId, DateOnly from)
    {
        var s = new TreatmentService(t.As("investigator"));
        var day = from;
        DateOnly last = default;
        for (var n = 0; n < t.Protocol.Fractionation!.Fractions; day = day.AddDays(1))
        {
            if (!FractionCalendar.IsTreatmentDay(day, t.Protocol.Fractionation, t.Protocol.Sites[0])) continue;
            t.Clock.SetDate(day);
            s.Record(participantId, day, false);
            last = day;
            n++;
        }
        return last;
    }
}
