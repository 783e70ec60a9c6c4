namespace ProtocolEngine.Engine.Scheduling;

/// <summary>
/// Where a visit occurrence stands on a given day. NotExpected: the participant died or was lost to
/// follow-up before the visit's window closed, so the visit will not take place (never missed or overdue).
/// </summary>
public enum VisitStatus { Upcoming, Due, Done, Overdue, Missed, NotExpected }
