using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Reporting;

/// <summary>Names and order of visit occurrences: the visit id, or for a repeating visit the month it falls on ("month12").</summary>
internal static class VisitNames
{
    public static string Short(Protocol protocol, string visitId, int occurrence)
    {
        var visit = protocol.Visits.FirstOrDefault(v => v.Id == visitId);
        if (visit?.Repeat is { } repeat)
            return visit.Months is { } months ? $"month{months + occurrence * repeat.EveryMonths}" : $"{visitId}-{occurrence + 1}";
        return occurrence > 0 ? $"{visitId}-{occurrence + 1}" : visitId;
    }

    /// <summary>Sort key: the visit's place in the protocol, then the occurrence.</summary>
    public static (int, int) Order(Protocol protocol, string visitId, int occurrence)
    {
        var index = protocol.Visits.ToList().FindIndex(v => v.Id == visitId);
        return (index < 0 ? int.MaxValue : index, occurrence);
    }
}
