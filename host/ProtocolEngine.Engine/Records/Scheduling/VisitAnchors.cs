namespace ProtocolEngine.Engine.Records.Scheduling;

/// <summary>The dates a participant's visits are timed from; null while unknown.</summary>
public sealed record VisitAnchors(DateOnly? Screening, DateOnly? Randomization, DateOnly? RadiotherapyStart, DateOnly? RadiotherapyEnd, bool EndProjected);
