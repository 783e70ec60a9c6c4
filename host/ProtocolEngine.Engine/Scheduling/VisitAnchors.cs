namespace ProtocolEngine.Engine.Scheduling;

/// <summary>
/// The dates a participant's visits are timed from; null while unknown. Radiotherapy dates are
/// projected from the fraction calendar until the course starts (start) or ends (end).
/// </summary>
public sealed record VisitAnchors(DateOnly? Screening, DateOnly? Randomization, DateOnly? RadiotherapyStart, DateOnly? RadiotherapyEnd, bool EndProjected, bool StartProjected = false);
