namespace ProtocolEngine.Engine.Records.Scheduling;

/// <summary>Where a visit occurrence stands on a given day.</summary>
public enum VisitStatus { Upcoming, Due, Done, Overdue, Missed }
