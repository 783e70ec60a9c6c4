using ProtocolEngine.Engine.Treatment;

namespace ProtocolEngine.Engine.Export;

/// <summary>A randomized participant's radiotherapy course as exported: what was delivered, when it ended and why it stopped early.</summary>
public sealed record CourseSummary
{
    public string ParticipantId { get; init; } = "";
    public CourseState State { get; init; }
    public int PlannedFractions { get; init; }
    public int Delivered { get; init; }
    public int Missed { get; init; }
    public double DeliveredDoseGy { get; init; }
    public DateOnly? Start { get; init; }

    /// <summary>The last delivered fraction (or the stop date when none was), once the course is complete or stopped.</summary>
    public DateOnly? End { get; init; }
    public DateOnly? StoppedOn { get; init; }
    public StopReason? StopReason { get; init; }
    public string? StopNote { get; init; }
}

public enum CourseState { NotStarted, Ongoing, Complete, Stopped }
